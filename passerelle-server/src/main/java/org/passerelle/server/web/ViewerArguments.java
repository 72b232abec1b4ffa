package org.passerelle.server.web;

import jakarta.servlet.http.HttpServletRequest;
import org.passerelle.server.shared.Viewer;
import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives a page or API method that declares a {@link Viewer} parameter the signed-in user, as the security module put it
 * on the request: controllers pass it on to their module explicitly.
 */
final class ViewerArguments implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Viewer.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
            WebDataBinderFactory binders) {
        Object viewer = request.getNativeRequest(HttpServletRequest.class).getAttribute(Viewer.REQUEST_ATTRIBUTE);
        if (!(viewer instanceof Viewer signedIn)) {
            // The security rules let no one reach such a method before sign-in is complete.
            throw new AccessDeniedException("Not signed in");
        }
        return signedIn;
    }
}
