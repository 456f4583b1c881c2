package org.citylinks.organization;

import java.util.UUID;

/** What a client asked of the organisation list: words of the name, a kind, the city represented. */
record OrganizationSearch(String text, OrganizationKind kind, UUID cityId, int limit, String cursor) {
}
