package org.opencustoms.inspection.access;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.opencustoms.testing.TestTokens;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The tablet's sign-in: a password is exchanged for a short-lived token of the user's role and ports, and guessing is throttled. */
@QuarkusTest
class SignInTest {

    @Test
    void aPasswordBuysATokenWithTheUsersRoleAndPorts() {
        String token = given().contentType("application/json").body(Map.of("username", "inspector1", "password", "inspector1"))
                .post("/api/v1/sessions").then().statusCode(201)
                .body("username", equalTo("inspector1")).body("roles", equalTo(List.of("inspector")))
                .extract().path("token");
        assertEquals(List.of("inspector"), TestTokens.rolesOf(token));
        TestTokens.bearer(token).get("/api/v1/me").then().statusCode(200)
                .body("username", equalTo("inspector1")).body("ports", org.hamcrest.Matchers.hasItem("USLAX"));
    }

    @Test
    void unknownUsersAndWrongPasswordsGetTheSameAnswer() {
        String unknown = signIn("nobody-" + System.nanoTime(), "x").then().statusCode(401).extract().path("detail");
        String wrong = signIn("inspector2", "not-the-password").then().statusCode(401).extract().path("detail");
        assertEquals(unknown, wrong);
        signIn("", "").then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void guessingIsThrottledEvenForTheRightPassword() {
        for (int i = 0; i < 5; i++) {
            signIn("lockout-test", "guess-" + i).then().statusCode(401);
        }
        signIn("lockout-test", "lockout-test").then().statusCode(429).contentType("application/problem+json")
                .body("type", endsWith("/sign-in-throttled"));
    }

    private static io.restassured.response.Response signIn(String username, String password) {
        return given().contentType("application/json").body(Map.of("username", username, "password", password)).post("/api/v1/sessions");
    }
}
