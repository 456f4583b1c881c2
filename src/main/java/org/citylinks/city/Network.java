package org.citylinks.city;

/** The city networks CityLinks knows; the contract's {@code Network}. */
public enum Network {
    UCCN, WCCF, EUROCITIES, ICLEI, UCLG
}
