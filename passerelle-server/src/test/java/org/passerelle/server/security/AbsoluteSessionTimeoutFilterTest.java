package org.passerelle.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

class AbsoluteSessionTimeoutFilterTest {

    @Test
    void endsASessionOlderThanTheLimitHoweverActive() throws Exception {
        MockHttpSession session = new MockHttpSession();
        Instant created = Instant.ofEpochMilli(session.getCreationTime());

        MockHttpServletResponse young = run(session, Clock.fixed(created.plus(Duration.ofHours(7)), ZoneOffset.UTC));
        assertThat(young.getRedirectedUrl()).isNull();
        assertThat(session.isInvalid()).isFalse();

        MockHttpServletResponse old = run(session, Clock.fixed(created.plus(Duration.ofHours(9)), ZoneOffset.UTC));
        assertThat(old.getRedirectedUrl()).isEqualTo("/login?expired");
        assertThat(session.isInvalid()).isTrue();
    }

    private static MockHttpServletResponse run(MockHttpSession session, Clock clock) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setSession(session);
        MockHttpServletResponse response = new MockHttpServletResponse();
        session.access();
        new AbsoluteSessionTimeoutFilter(Duration.ofHours(8), clock).doFilter(request, response, new MockFilterChain());
        return response;
    }
}
