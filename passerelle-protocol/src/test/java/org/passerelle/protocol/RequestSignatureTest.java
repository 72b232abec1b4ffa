package org.passerelle.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestSignatureTest {

    private static final String BODY = RequestSignature.bodyHash("{\"envelopes\":[]}".getBytes(StandardCharsets.UTF_8));

    @Test
    void aSignedRequestVerifiesAndAnyChangeBreaksIt() {
        Instant now = TestParties.NOW;
        String signature = RequestSignature.sign(TestParties.FR.getPrivate(), "POST", "/exchange/v1/envelopes", now, BODY);
        var key = TestParties.FR.getPublic();

        assertThat(RequestSignature.problem(key, "POST", "/exchange/v1/envelopes", now.toString(), BODY, signature, now)).isNull();
        assertThat(RequestSignature.problem(key, "POST", "/exchange/v1/other", now.toString(), BODY, signature, now))
                .isEqualTo("bad request signature");
        assertThat(RequestSignature.problem(key, "POST", "/exchange/v1/envelopes", now.toString(),
                RequestSignature.bodyHash("{}".getBytes(StandardCharsets.UTF_8)), signature, now))
                .isEqualTo("bad request signature");
        assertThat(RequestSignature.problem(TestParties.MA.getPublic(), "POST", "/exchange/v1/envelopes", now.toString(), BODY,
                signature, now)).isEqualTo("bad request signature");
        assertThat(RequestSignature.problem(key, "POST", "/exchange/v1/envelopes", now.toString(), BODY, signature,
                now.plusSeconds(600))).contains("too far");
        assertThat(RequestSignature.problem(key, "POST", "/x", null, BODY, null, now)).isEqualTo("unsigned request");
        assertThat(RequestSignature.problem(key, "POST", "/exchange/v1/envelopes", now.toString(), null, signature, now))
                .isEqualTo("unsigned request");
    }

    @Test
    void uuidV7CarriesItsVersionAndSortsByTime() {
        UUID early = UuidV7.at(Instant.parse("2026-01-01T00:00:00Z"));
        UUID late = UuidV7.at(Instant.parse("2026-01-01T00:00:01Z"));
        assertThat(early.version()).isEqualTo(7);
        assertThat(early.variant()).isEqualTo(2);
        assertThat(early.toString().compareTo(late.toString())).isNegative();
    }
}
