package org.passerelle.server.security.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.passerelle.server.security.ApiTokens;
import org.passerelle.server.shared.InvalidInputException;
import org.passerelle.server.security.PasswordChangeRequired;
import org.passerelle.server.security.UserService;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.passerelle.server.web.FormErrors;

/** The user's own account: language, password and personal API tokens. */
@Controller
class AccountController {

    private final ApiTokens tokens;
    private final UserService users;

    AccountController(ApiTokens tokens, UserService users) {
        this.tokens = tokens;
        this.users = users;
    }

    @GetMapping("/account")
    String account(Authentication user, Model model, HttpServletRequest request) {
        return view(user, model, request, List.of(), null);
    }

    @PostMapping("/account/tokens")
    String createToken(Authentication user, @RequestParam(defaultValue = "") String name, Model model,
            HttpServletRequest request) {
        try {
            ApiTokens.Issued issued = tokens.issue(user.getName(), name);
            return view(user, model, request, List.of(), issued);
        } catch (InvalidInputException e) {
            return view(user, model, request, FormErrors.of(e), null);
        }
    }

    @PostMapping("/account/password")
    String changePassword(Authentication user, @RequestParam(defaultValue = "") String current,
            @RequestParam(defaultValue = "") String replacement, Model model, RedirectAttributes redirect,
            HttpServletRequest request) {
        try {
            users.changeOwnPassword(user.getName(), current, replacement);
            PasswordChangeRequired.satisfied(request);
            redirect.addFlashAttribute("passwordChanged", true);
            return "redirect:/account";
        } catch (InvalidInputException e) {
            return view(user, model, request, FormErrors.of(e), null);
        }
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(Authentication user, @PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("revoked", tokens.revoke(user.getName(), id));
        return "redirect:/account";
    }

    private String view(Authentication user, Model model, HttpServletRequest request, List<FormErrors.Error> errors,
            ApiTokens.Issued issued) {
        model.addAttribute("passwordChangeRequired", PasswordChangeRequired.pending(request));
        model.addAttribute("tokens", tokens.list(user.getName()));
        model.addAttribute("errors", errors);
        model.addAttribute("issued", issued);
        return "account";
    }
}
