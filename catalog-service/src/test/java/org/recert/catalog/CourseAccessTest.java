package org.recert.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recert.platform.security.DevTokens;

/** Who may do what: curators and admins write, a provider drafts its own courses, everyone signed in reads published ones. */
@QuarkusTest
class CourseAccessTest {

    @Inject
    DevTokens tokens;

    private CatalogApi api;
    private UUID ownProvider;
    private UUID otherProvider;

    @BeforeEach
    void setUp() {
        api = new CatalogApi(tokens);
        ownProvider = api.newProvider("Own Provider");
        otherProvider = api.newProvider("Other Provider");
    }

    @Test
    void shouldAnswer401WithoutAToken() {
        given().get(CatalogApi.COURSES).then().statusCode(401).contentType("application/problem+json");
        given().get(CatalogApi.PROVIDERS).then().statusCode(401);
        given().contentType(ContentType.JSON).body(CatalogApi.courseBody(ownProvider, "No token")).post(CatalogApi.COURSES).then().statusCode(401);
        given().post(CatalogApi.COURSES + "/" + UUID.randomUUID() + "/publish").then().statusCode(401);
    }

    @Test
    void shouldForbidLearnersAndEmployersToWrite() {
        UUID published = api.published(CatalogApi.courseBody(ownProvider, "Published for readers"));
        for (String reader : new String[] { api.learner(), api.employer() }) {
            api.createCourse(reader, CatalogApi.courseBody(ownProvider, "Learner course")).then().statusCode(403).contentType("application/problem+json");
            api.as(reader).header("If-Match", "\"2\"").body(CatalogApi.courseBody(ownProvider, "Changed")).put(CatalogApi.COURSES + "/" + published)
                    .then().statusCode(403);
            api.as(reader).post(CatalogApi.COURSES + "/" + published + "/retire").then().statusCode(403);
            api.as(reader).body(CatalogApi.providerBody("Learner provider " + UUID.randomUUID())).post(CatalogApi.PROVIDERS).then().statusCode(403);
        }
        api.get(api.learner(), published).then().statusCode(200).body("status", equalTo("PUBLISHED"));
    }

    @Test
    void shouldLetAProviderDraftForItselfButNotForAnotherProvider() {
        String provider = api.provider(ownProvider);

        api.createCourse(provider, CatalogApi.courseBody(otherProvider, "Foreign draft")).then().statusCode(403).contentType("application/problem+json");
        api.as(api.curator()).queryParam("status", "DRAFT").queryParam("providerId", otherProvider.toString()).get(CatalogApi.COURSES)
                .then().statusCode(200).body("items", hasSize(0));

        UUID own = UUID.fromString(api.createCourse(provider, CatalogApi.courseBody(ownProvider, "Own draft")).then().statusCode(201)
                .body("status", equalTo("DRAFT")).extract().path("id"));
        api.as(provider).header("If-Match", "\"1\"").body(CatalogApi.courseBody(ownProvider, "Own draft, improved")).put(CatalogApi.COURSES + "/" + own)
                .then().statusCode(200).body("title", equalTo("Own draft, improved"));
        api.as(provider).header("If-Match", "\"2\"").body(CatalogApi.courseBody(otherProvider, "Moved away")).put(CatalogApi.COURSES + "/" + own)
                .then().statusCode(403);
    }

    @Test
    void shouldHideDraftsFromEveryoneButCuratorsAndTheirProvider() {
        UUID draft = UUID.fromString(api.createCourse(api.provider(ownProvider), CatalogApi.courseBody(ownProvider, "Hidden draft"))
                .then().statusCode(201).extract().path("id"));

        api.get(api.learner(), draft).then().statusCode(404).contentType("application/problem+json");
        api.get(api.employer(), draft).then().statusCode(404);
        api.get(api.provider(otherProvider), draft).then().statusCode(404);
        api.as(api.learner()).get(CatalogApi.COURSES + "/" + draft + "/quality").then().statusCode(404);
        api.as(api.provider(otherProvider)).header("If-Match", "\"1\"").body(CatalogApi.courseBody(otherProvider, "Hijack"))
                .put(CatalogApi.COURSES + "/" + draft).then().statusCode(404);
        api.get(api.provider(ownProvider), draft).then().statusCode(200);
        api.get(api.curator(), draft).then().statusCode(200);
        api.get(api.admin(), draft).then().statusCode(200);

        api.as(api.learner()).queryParam("providerId", ownProvider.toString()).get(CatalogApi.COURSES)
                .then().statusCode(200).body("items.id", not(hasItem(draft.toString())));
        api.as(api.learner()).queryParam("status", "DRAFT").get(CatalogApi.COURSES).then().statusCode(403);
        api.as(api.provider(ownProvider)).queryParam("status", "DRAFT").get(CatalogApi.COURSES)
                .then().statusCode(200).body("items.id", hasItem(draft.toString())).body("items.providerId", everyItem(equalTo(ownProvider.toString())));
        api.as(api.provider(otherProvider)).queryParam("status", "DRAFT").queryParam("providerId", ownProvider.toString()).get(CatalogApi.COURSES)
                .then().statusCode(403);
    }

    @Test
    void shouldLeavePublishingAndPublishedCoursesToCurators() {
        String provider = api.provider(ownProvider);
        UUID draft = UUID.fromString(api.createCourse(provider, CatalogApi.courseBody(ownProvider, "Awaiting review")).then().statusCode(201).extract().path("id"));

        api.as(provider).post(CatalogApi.COURSES + "/" + draft + "/publish").then().statusCode(403);
        api.as(api.admin()).post(CatalogApi.COURSES + "/" + draft + "/publish").then().statusCode(200);
        api.as(provider).header("If-Match", "\"2\"").body(CatalogApi.courseBody(ownProvider, "Quietly changed")).put(CatalogApi.COURSES + "/" + draft)
                .then().statusCode(403);
        api.as(provider).post(CatalogApi.COURSES + "/" + draft + "/retire").then().statusCode(403);
        UUID foreign = api.published(CatalogApi.courseBody(otherProvider, "Someone else's"));
        api.as(provider).header("If-Match", "\"2\"").body(CatalogApi.courseBody(ownProvider, "Taken")).put(CatalogApi.COURSES + "/" + foreign)
                .then().statusCode(403);
        api.get(api.learner(), draft).then().statusCode(200).body("title", equalTo("Awaiting review"));
    }

    @Test
    void shouldLeaveProvidersToCurators() {
        Map<String, Object> body = CatalogApi.providerBody("Provider by provider " + UUID.randomUUID());
        api.as(api.provider(ownProvider)).body(body).post(CatalogApi.PROVIDERS).then().statusCode(403);
        api.as(api.provider(ownProvider)).header("If-Match", "\"1\"").body(body).put(CatalogApi.PROVIDERS + "/" + ownProvider).then().statusCode(403);
        api.as(api.learner()).get(CatalogApi.PROVIDERS + "/" + ownProvider).then().statusCode(200);
        api.as(api.admin()).body(body).post(CatalogApi.PROVIDERS).then().statusCode(201);
    }
}
