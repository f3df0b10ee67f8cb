package dev.zipper.account;

import dev.zipper.domain.InvalidCommand;
import dev.zipper.domain.Omittable;
import dev.zipper.domain.Text;
import java.util.Locale;
import java.util.Set;

/**
 * Where a customer's orders are shipped. line2 and region (a state, province or prefecture, which some
 * countries' carriers need) may be absent; country is an ISO 3166 alpha-2 code.
 */
public record Address(String line1, @Omittable String line2, String postalCode, String city, @Omittable String region,
                      String country) {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public Address {
        line1 = Text.required("line1", line1, 200);
        line2 = line2 == null ? null : Text.required("line2", line2, 200);
        postalCode = Text.required("postalCode", postalCode, 20);
        city = Text.required("city", city, 100);
        region = region == null ? null : Text.required("region", region, 100);
        if (country == null || !COUNTRIES.contains(country)) {
            throw new InvalidCommand("country must be an ISO 3166 alpha-2 code such as FR or JP, got "
                    + (country == null ? "nothing" : "'" + country + "'"));
        }
    }
}
