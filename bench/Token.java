import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

/** Prints an operator token signed with the dev/test key, for the benchmark's imports and writes (run with the service's class path). */
public class Token {
    public static void main(String[] args) throws Exception {
        System.out.print(Jwt.issuer(args[0]).audience("citylinks").upn("bench@citylinks.test").subject(args.length > 1 ? args[1] : "bench")
                .groups(Set.of("operator")).expiresIn(86_400)
                .sign(KeyUtils.readPrivateKey("/jwt/dev-private-key.pem")));
    }
}
