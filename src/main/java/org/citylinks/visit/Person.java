package org.citylinks.visit;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A member of a delegation or of the hosts. */
@Embeddable
public class Person {

    @Column(nullable = false, length = 200)
    public String name;

    @Column(length = 200)
    public String role;

    @Column(length = 200)
    public String organization;
}
