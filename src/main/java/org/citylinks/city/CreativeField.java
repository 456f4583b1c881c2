package org.citylinks.city;

/** The UNESCO Creative Cities creative fields; the contract's {@code CreativeField}. */
public enum CreativeField {
    CRAFTS_AND_FOLK_ART, DESIGN, FILM, GASTRONOMY, LITERATURE, MEDIA_ARTS, MUSIC
}
