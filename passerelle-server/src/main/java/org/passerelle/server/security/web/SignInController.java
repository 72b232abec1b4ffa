package org.passerelle.server.security.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.passerelle.server.security.SecondFactor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in pages: password, then the authenticator code (after enrolling an app the first time). */
@Controller
class SignInController {

    private final SecondFactor secondFactor;

    SignInController(SecondFactor secondFactor) {
        this.secondFactor = secondFactor;
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        boolean generatedExpired = request.getParameter("generatedExpired") != null;
        String notice = request.getParameter("failed") != null ? "login.failed"
                : generatedExpired ? "login.generatedExpired"
                : request.getParameter("expired") != null ? "login.expired"
                : request.getParameter("locked") != null ? "login.locked"
                : request.getParameter("signedOut") != null ? "login.signedOut" : null;
        model.addAttribute("notice", notice);
        model.addAttribute("failed", request.getParameter("failed") != null || request.getParameter("locked") != null
                || generatedExpired);
        return "login";
    }

    @GetMapping("/login/second-factor")
    String codePage(Model model) {
        if (!secondFactor.enrolled(currentUser())) {
            return "redirect:/login/second-factor/enrol";
        }
        model.addAttribute("wrongCode", false);
        return "second-factor";
    }

    @PostMapping("/login/second-factor")
    String verify(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        SecondFactor.Outcome outcome = secondFactor.verify(code, request, response);
        if (outcome == SecondFactor.Outcome.WRONG_CODE) {
            model.addAttribute("wrongCode", true);
            return "second-factor";
        }
        return afterCode(outcome);
    }

    /** Enrolment pages exist only for an account without an authenticator; the others enter their code. */
    @GetMapping("/login/second-factor/enrol")
    String enrolPage(HttpServletRequest request, Model model) {
        if (secondFactor.enrolled(currentUser())) {
            return "redirect:/login/second-factor";
        }
        return enrolView(request, model, false);
    }

    @GetMapping(value = "/login/second-factor/enrol/qr.svg", produces = "image/svg+xml")
    ResponseEntity<String> qrCode(HttpServletRequest request) {
        if (secondFactor.enrolled(currentUser())) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
                .header("Cache-Control", "no-store")
                .body(secondFactor.enrolmentQrCode(currentUser(), request.getSession()));
    }

    @PostMapping("/login/second-factor/enrol")
    String confirmEnrolment(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        SecondFactor.Outcome outcome = secondFactor.confirmEnrolment(code, request, response);
        return outcome == SecondFactor.Outcome.WRONG_CODE ? enrolView(request, model, true) : afterCode(outcome);
    }

    private static String afterCode(SecondFactor.Outcome outcome) {
        return switch (outcome) {
            case ACCEPTED -> "redirect:/";
            case LOCKED -> "redirect:/login?locked";
            case REFUSED -> "redirect:/login?failed";
            case ALREADY_ENROLLED, WRONG_CODE -> "redirect:/login/second-factor";
        };
    }

    private String enrolView(HttpServletRequest request, Model model, boolean wrongCode) {
        String secret = secondFactor.pendingSecret(request.getSession());
        model.addAttribute("secret", secret.replaceAll("(.{4})(?!$)", "$1 "));
        model.addAttribute("wrongCode", wrongCode);
        return "second-factor-enrol";
    }

    private static String currentUser() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }
}
