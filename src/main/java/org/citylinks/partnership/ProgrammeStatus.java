package org.citylinks.partnership;

/** How far a partnership's programme has got; any status may follow any other. */
public enum ProgrammeStatus {
    PLANNED, IN_PROGRESS, DONE, DROPPED
}
