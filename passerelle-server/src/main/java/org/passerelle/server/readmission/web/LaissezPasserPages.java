package org.passerelle.server.readmission.web;

import java.io.IOException;
import org.passerelle.server.readmission.LaissezPasserCheck;
import org.passerelle.server.readmission.LaissezPasserSeal;
import org.passerelle.server.readmission.Readmissions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Checks a laissez-passer on either node, for any signed-in user: a PDF (its seal read from the page, its print
 * compared with the seal) or the text a scanner read from the code. Morocco's key is the one shown, so that it can be
 * compared with the one printed on the document.
 */
@Controller
class LaissezPasserPages {

    private final Readmissions readmissions;

    LaissezPasserPages(Readmissions readmissions) {
        this.readmissions = readmissions;
    }

    @GetMapping("/readmission/verify")
    String form(Model model) {
        return page(model, null, null);
    }

    @PostMapping("/readmission/verify")
    String verify(@RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(defaultValue = "") String seal, Model model) throws IOException {
        if (file != null && !file.isEmpty()) {
            LaissezPasserCheck check = readmissions.checkPdf(file.getBytes());
            return page(model, check.verdict(), check.data());
        }
        LaissezPasserSeal.Check check = readmissions.check(seal);
        return page(model, check.verdict(), check.data());
    }

    private String page(Model model, LaissezPasserSeal.Verdict verdict, LaissezPasserSeal.Data data) {
        model.addAttribute("verdict", verdict);
        model.addAttribute("data", data);
        model.addAttribute("issuerKey", readmissions.exportedIssuerKey());
        model.addAttribute("fingerprint", readmissions.issuerFingerprint());
        model.addAttribute("profile", readmissions.profile());
        return "readmission/verify";
    }
}
