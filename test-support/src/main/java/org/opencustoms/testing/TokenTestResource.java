package org.opencustoms.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.opencustoms.platform.identity.PlatformKeys;

import java.util.Map;

/**
 * Configures a service under test to trust {@link TestTokens}' key, to call its peers with a token of its
 * own service role (init argument {@code service}) and to sign in the web apps' users with the same key.
 */
public class TokenTestResource implements QuarkusTestResourceLifecycleManager {

    private String service;

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.get("service");
    }

    @Override
    public Map<String, String> start() {
        PlatformKeys keys = TestTokens.keys();
        return Map.of(
                "mp.jwt.verify.publickey", keys.publicKeyBase64(),
                "smallrye.jwt.sign.key", keys.privateKeyBase64(),
                "platform.service-token", service == null ? "" : TestTokens.of(service));
    }

    @Override
    public void stop() {
    }
}
