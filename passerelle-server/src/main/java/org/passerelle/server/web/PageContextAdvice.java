package org.passerelle.server.web;

import jakarta.servlet.http.HttpServletRequest;
import org.passerelle.server.i18n.Language;
import org.passerelle.server.i18n.Messages;
import org.passerelle.server.party.PartyDirectory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Gives every page template its {@code ctx}, whichever module's controller renders it. */
@ControllerAdvice
class PageContextAdvice {

    private final Messages messages;
    private final PartyDirectory parties;

    PageContextAdvice(Messages messages, PartyDirectory parties) {
        this.messages = messages;
        this.parties = parties;
    }

    @ModelAttribute("ctx")
    PageContext pageContext(HttpServletRequest request) {
        return of(request, messages, parties);
    }

    static PageContext of(HttpServletRequest request, Messages messages, PartyDirectory parties) {
        Language language = Language.of(RequestContextUtils.getLocale(request));
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return new PageContext(language, messages, SecurityContextHolder.getContext().getAuthentication(),
                parties.self(), (CsrfToken) request.getAttribute(CsrfToken.class.getName()), path);
    }
}
