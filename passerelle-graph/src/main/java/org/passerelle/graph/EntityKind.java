package org.passerelle.graph;

/** What an analyst's node stands for; the measures ignore it, reports carry it so that results stay readable. */
public enum EntityKind {
    PERSON,
    ORGANISATION,
    PHONE,
    VEHICLE,
    PLACE,
    SHIPMENT,
    SEIZURE,
    OTHER
}
