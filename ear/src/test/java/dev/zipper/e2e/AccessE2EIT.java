package dev.zipper.e2e;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may do what, on the server -Dzipper.server names: tokens of the development issuer by role. */
@ExtendWith(ZipperServer.class)
class AccessE2EIT {

    private final ZipperHttp anonymous = new ZipperHttp(ZipperServer.WEB_MODULE).as(null);
    private final ZipperHttp customer = anonymous.as(Tokens.of("customer", "access-customer-" + System.nanoTime()));
    private final ZipperHttp staff = anonymous.as(Tokens.of("staff", "access-staff"));
    private final ZipperHttp operator = anonymous.as(Tokens.of("operator", "access-operator"));

    @Test
    void anyone_reads_the_catalog_and_the_api_document_and_nothing_else() {
        assertThat(anonymous.get("products").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("openapi").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("asyncapi").statusCode()).as("the event catalogue").isEqualTo(200);
        for (String path : new String[] {"accounts", "log", "sales/daily", "orders/x", "carts/x", "events"}) {
            assertUnauthorized(anonymous.get(path), "needs a bearer token");
        }
        assertUnauthorized(anonymous.post("accounts", "{\"name\": \"Ada\", \"email\": \"ada@example.org\"}"),
                "needs a bearer token");
        assertUnauthorized(anonymous.get(ZipperServer.WEB_MODULE + "metrics"), "needs a bearer token");
    }

    @Test
    void a_token_that_does_not_verify_is_refused_even_where_none_is_needed() {
        ZipperHttp expired = anonymous.as(Tokens.of("staff", "access-staff", "--expires-in", "-300"));
        assertUnauthorized(expired.get("products"), "refused");
        assertThat(expired.get("products").headers().firstValue("WWW-Authenticate"))
                .hasValue("Bearer realm=\"zipper\", error=\"invalid_token\"");
    }

    @Test
    void each_role_runs_its_part_of_the_store_and_is_forbidden_the_rest() {
        String sku = "ACCESS-" + System.nanoTime();
        String product = "{\"sku\": \"" + sku + "\", \"name\": \"Kept\", \"price\": 3.00, \"currency\": \"EUR\"}";
        assertForbidden(customer.post("products", product), "is for staff");
        assertThat(staff.post("products", product).statusCode()).isEqualTo(201);
        assertForbidden(customer.post("products/" + sku + "/stock", "{\"quantity\": 5}"), "is for staff");
        assertThat(staff.post("products/" + sku + "/stock", "{\"quantity\": 5}").statusCode()).isEqualTo(200);

        assertThat(customer.post("accounts", "{\"name\": \"Ada\", \"email\": \"ada@example.org\"}").statusCode())
                .isEqualTo(201);
        assertForbidden(operator.post("accounts", "{\"name\": \"Ada\", \"email\": \"ada@example.org\"}"),
                "is for customer or staff");
        assertForbidden(customer.get("sales/daily"), "is for operator or staff");
        assertThat(staff.get("sales/daily").statusCode()).isEqualTo(200);
        assertThat(operator.get("sales/orders-by-status").statusCode()).as("the console's figures").isEqualTo(200);

        assertForbidden(staff.get("log"), "is for operator");
        assertForbidden(customer.get("log"), "is for operator");
        assertThat(operator.get("log").statusCode()).isEqualTo(200);
        assertForbidden(staff.get(ZipperServer.WEB_MODULE + "metrics"), "is for operator");
        assertThat(operator.get(ZipperServer.WEB_MODULE + "metrics").statusCode()).isEqualTo(200);
        assertForbidden(operator.post("products", product), "is for staff");
    }

    @Test
    void a_customer_sees_and_changes_only_what_is_theirs_and_another_customers_is_not_found() {
        String sku = "OWN-" + System.nanoTime();
        assertThat(staff.post("products", "{\"sku\": \"" + sku + "\", \"name\": \"Own\", \"price\": 2.00, "
                + "\"currency\": \"EUR\"}").statusCode()).isEqualTo(201);
        assertThat(staff.post("products/" + sku + "/stock", "{\"quantity\": 5}").statusCode()).isEqualTo(200);
        String subject = "ada-" + System.nanoTime();
        ZipperHttp ada = anonymous.as(Tokens.of("customer", subject));
        ZipperHttp bob = anonymous.as(Tokens.of("customer", "bob-" + System.nanoTime()));

        HttpResponse<String> opened = ada.post("accounts", "{\"name\": \"Ada\", \"email\": \"ada@example.org\"}");
        String account = ZipperHttp.json(opened).asJsonObject().getString("id");
        assertThat(account).as("a customer's account is bound to their token's subject").isEqualTo(subject);
        assertThat(ada.post("accounts/" + account + "/confirm", null).statusCode()).isEqualTo(200);
        assertProblem(anonymous.as(Tokens.of("customer", "s".repeat(65))).post("accounts",
                "{\"name\": \"Long\", \"email\": \"long@example.org\"}"), 400, "cannot name an account");
        assertThat(ada.post("accounts/" + account + "/activate", null).statusCode()).isEqualTo(200);
        String cart = ZipperHttp.json(ada.post("carts", "{\"customerId\": \"" + account + "\"}")).asJsonObject().getString("id");
        assertThat(ada.post("carts/" + cart + "/items", "{\"sku\": \"" + sku + "\", \"quantity\": 1}").statusCode()).isEqualTo(200);
        HttpResponse<String> checkedOut = ada.post("carts/" + cart + "/checkout", null);
        assertThat(checkedOut.statusCode()).as(checkedOut.body()).isEqualTo(201);
        String order = ZipperHttp.json(checkedOut).asJsonObject().getString("orderId");
        HttpResponse<String> own = ada.get("carts/" + cart);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.headers().firstValue("Cache-Control")).as("a private answer").hasValue("no-store");
        assertThat(own.headers().allValues("Vary")).anySatisfy(vary -> assertThat(vary).contains("Authorization"));
        assertThat(anonymous.get("products/" + sku).headers().firstValue("Cache-Control")).as("the catalog's is public")
                .isEmpty();
        assertThat(ada.get("orders/" + order + "/timeline").statusCode()).isEqualTo(200);

        for (String path : new String[] {"accounts/" + account, "accounts/" + account + "/events",
                "accounts/" + account + "?version=1", "accounts/" + account + "/orders", "carts/" + cart,
                "carts/" + cart + "/events", "orders/" + order, "orders/" + order + "/timeline", "orders/" + order + "/events",
                "payments/" + order}) {
            HttpResponse<String> hidden = bob.get(path);
            assertProblem(hidden, 404, "No ");
            assertThat(hidden.body()).as("as if it did not exist").doesNotContain("customer").doesNotContain("forbidden");
        }
        assertProblem(bob.post("accounts/" + account + "/archive", null), 404, "No account with id " + account);
        assertProblem(bob.post("carts/" + cart + "/clear", null), 404, "No cart with id " + cart);
        assertProblem(bob.post("orders/" + order + "/cancel", null), 404, "No order with id " + order);
        assertProblem(bob.post("carts", "{\"customerId\": \"" + account + "\"}"), 400, "No account with id " + account);
        assertThat(ZipperHttp.json(bob.get("accounts")).asJsonObject().getJsonArray("items")).as("no one else's rows").isEmpty();
        assertThat(ZipperHttp.json(ada.get("accounts")).asJsonObject().getJsonArray("items")).hasSize(1);

        assertThat(staff.get("orders/" + order).statusCode()).as("staff see every order").isEqualTo(200);
        assertThat(staff.get("carts/" + cart).statusCode()).isEqualTo(200);
        assertThat(staff.get("accounts/" + account + "/events").statusCode()).isEqualTo(200);
        assertThat(operator.get("accounts/" + account).statusCode()).as("an operator reads one stream (the console)")
                .isEqualTo(200);
        assertThat(operator.get("orders/" + order + "/timeline").statusCode()).isEqualTo(200);
        assertForbidden(operator.get("accounts"), "is for customer or staff");
        assertForbidden(operator.post("orders/" + order + "/cancel", null), "is for customer or staff");
    }

    private static void assertUnauthorized(HttpResponse<String> response, String detail) {
        assertProblem(response, 401, detail);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).startsWith("Bearer realm=\"zipper\""));
    }

    private static void assertForbidden(HttpResponse<String> response, String detail) {
        assertProblem(response, 403, detail);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonObject problem = ZipperHttp.json(response).asJsonObject();
        assertThat(problem.getString("detail")).contains(detail);
    }
}
