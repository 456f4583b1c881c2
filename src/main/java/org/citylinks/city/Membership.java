package org.citylinks.city;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A city's membership of a network; {@code field} is the UNESCO creative field of a UCCN membership. */
@Embeddable
public class Membership {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Network network;

    @Enumerated(EnumType.STRING)
    @Column(length = 30)
    public CreativeField field;

    public Integer since;

    public Membership() {
    }

    public Membership(Network network, CreativeField field, Integer since) {
        this.network = network;
        this.field = field;
        this.since = since;
    }
}
