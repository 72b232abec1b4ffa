package org.passerelle.server.intel;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The deadlines the parties agreed, as configuration rather than constants. Both nodes must run the same
 * profile: each computes a case's due time from the request's own sending time in the thread.
 */
@ConfigurationProperties("passerelle.agreement.information-request")
public record AgreementProfile(
        @DefaultValue("8h") Duration urgentDirect,
        @DefaultValue("3d") Duration urgent,
        @DefaultValue("7d") Duration normal) {

    public Duration replyWithin(Urgency urgency) {
        return switch (urgency) {
            case URGENT_DIRECT -> urgentDirect;
            case URGENT -> urgent;
            case NORMAL -> normal;
        };
    }
}
