package dev.zipper.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses to start without a way to verify tokens (a key, an issuer and an audience, {@code MP_JWT_VERIFY_*} in the
 * server's environment, where every server's MicroProfile JWT reads them, an EAR's too), and with the
 * development issuer's unless development is said to be meant ({@code zipper.auth.development=true}):
 * a production server must not accept tokens anyone with the development key can make.
 */
@ApplicationScoped
public class Authentication {

    /** The issuer of ./run.sh's tokens (ear/src/main/dev-issuer). */
    public static final String DEVELOPMENT_ISSUER = "zipper-development";

    private static final Logger LOG = Logger.getLogger(Authentication.class.getName());

    void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
        Config config = ConfigProvider.getConfig();
        boolean keys = config.getOptionalValue("mp.jwt.verify.publickey", String.class).isPresent()
                || config.getOptionalValue("mp.jwt.verify.publickey.location", String.class).isPresent();
        if (!keys) {
            throw new IllegalStateException("No key to verify bearer tokens with: set MP_JWT_VERIFY_PUBLICKEY_LOCATION "
                    + "to the identity provider's JWKS address (or a PEM file), with MP_JWT_VERIFY_ISSUER and "
                    + "MP_JWT_VERIFY_AUDIENCES");
        }
        String issuer = config.getOptionalValue("mp.jwt.verify.issuer", String.class).orElseThrow(() ->
                new IllegalStateException("No issuer to expect in bearer tokens: set MP_JWT_VERIFY_ISSUER"));
        config.getOptionalValue("mp.jwt.verify.audiences", String.class).orElseThrow(() ->
                new IllegalStateException("No audience to expect in bearer tokens: set MP_JWT_VERIFY_AUDIENCES (zipper)"));
        boolean development = config.getOptionalValue("zipper.auth.development", Boolean.class).orElse(false);
        if (issuer.equals(DEVELOPMENT_ISSUER) && !development) {
            throw new IllegalStateException("Bearer tokens are expected from the development issuer, which anyone with "
                    + "its key can sign: set MP_JWT_VERIFY_ISSUER (and the provider's keys) for production, or "
                    + "ZIPPER_AUTH_DEVELOPMENT=true if development is meant");
        }
        if (development) {
            LOG.warning("Development mode: tokens of the issuer " + issuer + " are accepted; not for production");
        }
    }
}
