package org.passerelle.protocol;

/** Europol handling codes: what the receiver may do with the content. */
public enum HandlingCode {
    /** Use only to fight crime. */
    H0,
    /** Not to be used in court without the provider's permission. */
    H1,
    /** Not to be passed on without the provider's permission. */
    H2,
    /** Other restrictions, stated in free text. */
    H3
}
