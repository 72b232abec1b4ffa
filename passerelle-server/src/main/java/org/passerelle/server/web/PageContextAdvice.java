package org.passerelle.server.web;

import jakarta.servlet.http.HttpServletRequest;
import org.passerelle.server.i18n.Language;
import org.passerelle.server.i18n.Messages;
import org.passerelle.server.party.PartyDirectory;
import org.passerelle.server.shared.Viewer;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
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
        Viewer viewer = request.getAttribute(Viewer.REQUEST_ATTRIBUTE) instanceof Viewer v ? v : null;
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        String pending = viewer != null || user == null || user instanceof AnonymousAuthenticationToken ? null
                : user.getName();
        return new PageContext(language, messages, viewer, pending, parties.self(),
                parties.peers().stream().map(org.passerelle.server.party.Peer::party).toList(),
                (CsrfToken) request.getAttribute(CsrfToken.class.getName()), path);
    }
}
