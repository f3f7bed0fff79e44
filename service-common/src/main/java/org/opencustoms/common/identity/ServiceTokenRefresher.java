package org.opencustoms.common.identity;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Keeps the service's own client-credentials token fresh when {@code quarkus.oidc-client.auth-server-url} names
 * the OpenID Connect provider: fetches one at startup, a new one when three quarters of its life have passed,
 * and retries with growing, jittered delays while the provider cannot be reached. Calls to peers meanwhile
 * keep the last good token until it expires.
 */
@ApplicationScoped
public class ServiceTokenRefresher implements ServiceToken.ProviderToken {

    private static final Logger LOG = Logger.getLogger(ServiceTokenRefresher.class);
    static final Duration MIN_DELAY = Duration.ofSeconds(5);
    static final Duration MAX_RETRY_DELAY = Duration.ofMinutes(1);
    /** A provider that accepts the connection but never answers must not stop the renewals. */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private final Instance<OidcClient> client;
    private final Vertx vertx;
    private volatile Tokens tokens;
    private volatile String lastFailure = "not fetched yet";
    private int failures;
    private volatile long timer = -1;
    private volatile boolean stopped;

    public ServiceTokenRefresher(Instance<OidcClient> client, Vertx vertx) {
        this.client = client;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent event, Config config) {
        boolean provider = config.getOptionalValue("quarkus.oidc-client.auth-server-url", String.class).filter(url -> !url.isBlank()).isPresent();
        if (!provider) {
            if (config.getOptionalValue("quarkus.oidc-client.credentials.secret", String.class).filter(s -> !s.isBlank()).isPresent()) {
                throw new IllegalStateException("QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET is set but QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL "
                        + "is not: the service would have no identity to call its peers with");
            }
            return;
        }
        ServiceToken.useProvider(this);
        fetch();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopped = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        ServiceToken.useProvider(null);
    }

    @Override
    public String current() {
        Tokens latest = tokens;
        if (latest == null || latest.isAccessTokenExpired()) {
            throw new IllegalStateException("no valid service token from the OpenID Connect provider: " + lastFailure);
        }
        return latest.getAccessToken();
    }

    private void fetch() {
        if (stopped) {
            return;
        }
        client.get().getTokens().ifNoItem().after(ANSWER_TIMEOUT).fail().subscribe().with(fresh -> {
            tokens = fresh;
            failures = 0;
            schedule(refreshDelay(fresh.getAccessTokenExpiresAt(), Instant.now()));
        }, failure -> {
            lastFailure = failure.getMessage();
            failures++;
            Duration delay = retryDelay(failures);
            LOG.warnf("cannot get a service token from the OpenID Connect provider (attempt %d, next in %ds): %s",
                    failures, delay.toSeconds(), failure.getMessage());
            schedule(delay);
        });
    }

    private void schedule(Duration delay) {
        if (!stopped) {
            timer = vertx.setTimer(delay.toMillis(), id -> fetch());
        }
    }

    /** Three quarters of the remaining life; a token without an expiry is fetched again hourly. */
    static Duration refreshDelay(Long expiresAtEpochSecond, Instant now) {
        if (expiresAtEpochSecond == null) {
            return Duration.ofHours(1);
        }
        Duration remaining = Duration.between(now, Instant.ofEpochSecond(expiresAtEpochSecond));
        Duration delay = remaining.multipliedBy(3).dividedBy(4);
        return delay.compareTo(MIN_DELAY) < 0 ? MIN_DELAY : delay;
    }

    /** 1, 2, 4 ... seconds up to a minute, each between half and all of it so that replicas spread out. */
    static Duration retryDelay(int failures) {
        long ceiling = Math.min(MAX_RETRY_DELAY.toMillis(), 1000L << Math.min(failures - 1, 16));
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }
}
