package org.citylinks.organization;

/** What an organisation is; only a city government represents a city. */
public enum OrganizationKind {
    CITY_GOVERNMENT, NETWORK, GOVERNMENT_AGENCY, OTHER
}
