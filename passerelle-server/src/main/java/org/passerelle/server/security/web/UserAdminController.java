package org.passerelle.server.security.web;

import java.util.List;
import org.passerelle.server.party.PartyDirectory;
import org.passerelle.server.shared.InvalidInputException;
import org.passerelle.server.shared.Role;
import org.passerelle.server.security.UserService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.passerelle.server.web.FormErrors;

/**
 * The administrator's user pages: list, create (form, then check your answers, then the initial password
 * shown once), view, disable or enable, approve an auditor account another administrator opened, and reset a user's
 * password or authenticator, each alone.
 */
@Controller
class UserAdminController {

    private final UserService users;
    private final PartyDirectory parties;

    UserAdminController(UserService users, PartyDirectory parties) {
        this.users = users;
        this.parties = parties;
    }

    @GetMapping("/admin/users")
    String list(Model model) {
        model.addAttribute("users", users.list());
        return "admin/users";
    }

    @GetMapping("/admin/users/new")
    String newUser(Model model) {
        return form(model, UserForm.empty(), List.of());
    }

    /** Step 1 → 2: validate, then show the answers to check, or the form again with every error. */
    @PostMapping("/admin/users/check")
    String check(@ModelAttribute UserForm form, @RequestParam(defaultValue = "") String change, Model model) {
        if (!change.isEmpty()) {
            return form(model, form, List.of());
        }
        try {
            users.validate(form.toNewUser());
        } catch (InvalidInputException e) {
            return form(model, form, FormErrors.of(e));
        }
        model.addAttribute("form", form);
        model.addAttribute("role", Role.parse(form.role()).orElseThrow());
        return "admin/user-check";
    }

    @PostMapping("/admin/users")
    String create(@ModelAttribute UserForm form, Model model) {
        try {
            UserService.Created created = users.create(form.toNewUser());
            if (created.account().awaitingApproval()) {
                return "redirect:/admin/users/" + created.account().username();
            }
            model.addAttribute("account", created.account());
            model.addAttribute("password", created.initialPassword());
            return "admin/user-password";
        } catch (InvalidInputException e) {
            return form(model, form, FormErrors.of(e));
        }
    }

    @GetMapping("/admin/users/{username}")
    String view(@PathVariable String username, @RequestParam(required = false) String secondFactorReset, Model model) {
        return view(username, secondFactorReset != null, List.of(), model);
    }

    @PostMapping("/admin/users/{username}/enabled")
    String setEnabled(@PathVariable String username, @RequestParam boolean enabled, Model model) {
        try {
            users.setEnabled(username, enabled);
            return "redirect:/admin/users/" + username;
        } catch (InvalidInputException e) {
            return view(username, false, FormErrors.of(e), model);
        }
    }

    /** A second administrator approves an auditor account: its generated password is shown to them, once. */
    @PostMapping("/admin/users/{username}/approve")
    String approve(@PathVariable String username, Model model) {
        try {
            String password = users.approve(username);
            model.addAttribute("account", users.read(username).orElseThrow());
            model.addAttribute("password", password);
            return "admin/user-password";
        } catch (InvalidInputException e) {
            return view(username, false, FormErrors.of(e), model);
        }
    }

    private String view(String username, boolean secondFactorReset, List<FormErrors.Error> errors, Model model) {
        model.addAttribute("account", users.read(username).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("secondFactorReset", secondFactorReset);
        model.addAttribute("errors", errors);
        return "admin/user";
    }

    @PostMapping("/admin/users/{username}/reset-password")
    String resetPassword(@PathVariable String username, Model model) {
        String password = users.resetPassword(username);
        model.addAttribute("account", users.read(username).orElseThrow());
        model.addAttribute("password", password);
        return "admin/user-password";
    }

    @PostMapping("/admin/users/{username}/reset-second-factor")
    String resetSecondFactor(@PathVariable String username) {
        users.resetSecondFactor(username);
        return "redirect:/admin/users/" + username + "?secondFactorReset";
    }

    private String form(Model model, UserForm form, List<FormErrors.Error> errors) {
        model.addAttribute("form", form);
        model.addAttribute("roles", Role.forParty(parties.self().code()));
        model.addAttribute("errors", errors);
        return "admin/user-form";
    }
}
