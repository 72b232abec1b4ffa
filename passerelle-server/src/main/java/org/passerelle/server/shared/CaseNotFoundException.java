package org.passerelle.server.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No such case for this user: it does not exist, or the user is not on its team. Both answer the same, so that a
 * refusal does not tell who is working on what.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class CaseNotFoundException extends RuntimeException {

    public CaseNotFoundException(String caseType, String caseKey) {
        super(caseType + " " + caseKey);
    }
}
