package io.herald.common.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.math.BigDecimal;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonInputTest {

    private static void assertInvalid(String message, Executable executable) {
        var e = assertThrows(InvalidInputException.class, executable);
        assertEquals(message, e.getMessage());
    }

    private static JsonInput in(String json) {
        return JsonInput.parse(json.replace('\'', '"'));
    }

    // --- parse

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"a\":}", "nope", "{\"a\":1,}", "{'a':1}"})
    void malformedTextIsMalformedJson(String text) {
        assertInvalid("Malformed JSON", () -> JsonInput.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"a\":1}]", "42", "\"text\"", "true", "null", "", "   "})
    void anythingButAnObjectIsRejected(String text) {
        assertInvalid("Request body must be a JSON object", () -> JsonInput.parse(text));
    }

    @Test
    void aMissingBodyIsRejected() {
        assertInvalid("Request body must be a JSON object", () -> JsonInput.parse(null));
    }

    @Test
    void trailingTextAfterTheObjectIsMalformedJson() {
        assertInvalid("Malformed JSON", () -> JsonInput.parse("{\"total\":5} {\"total\":1000}"));
    }

    // --- onlyFields / has

    @Test
    void onlyFieldsNamesTheFirstUnknownField() {
        JsonInput cut = in("{'email':'a@b.c','emial':'x'}");

        assertInvalid("Unknown field: emial", () -> cut.onlyFields(Set.of("email", "first_name")));
    }

    @Test
    void onlyFieldsAcceptsASubsetAndReturnsTheSameInput() {
        JsonInput cut = in("{'email':'a@b.c'}");

        assertSame(cut, cut.onlyFields(Set.of("email", "first_name")));
        assertEquals("a@b.c", cut.requiredText("email", 254));
    }

    @Test
    void hasSeesFieldsThatAreNull() {
        JsonInput cut = in("{'carrier':null}");
        assertTrue(cut.has("carrier"));
        assertFalse(cut.has("tracking_number"));
    }

    // --- text

    @Test
    void textIsTrimmed() {
        assertEquals("UPS", in("{'carrier':'  UPS \\t'}").text("carrier", 3));
    }

    @Test
    void textIsNullWhenAbsentOrJsonNull() {
        assertNull(in("{}").text("carrier", 10));
        assertNull(in("{'carrier':null}").text("carrier", 10));
    }

    @Test
    void textMayBeEmptyAfterTrimming() {
        assertEquals("", in("{'carrier':'   '}").text("carrier", 10));
    }

    @Test
    void textMustBeAString() {
        assertInvalid("carrier must be a string", () -> in("{'carrier':5}").text("carrier", 10));
        assertInvalid("carrier must be a string", () -> in("{'carrier':{}}").text("carrier", 10));
        assertInvalid("carrier must be a string", () -> in("{'carrier':true}").text("carrier", 10));
    }

    @Test
    void textLengthIsCheckedAfterTrimming() {
        assertEquals("abc", in("{'sku':'  abc  '}").text("sku", 3));
        assertInvalid("sku must be at most 3 characters", () -> in("{'sku':'abcd'}").text("sku", 3));
    }

    // --- requiredText

    @Test
    void requiredTextReturnsTheTrimmedText() {
        assertEquals("Ada", in("{'first_name':' Ada '}").requiredText("first_name", 100));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{'email':null}", "{'email':''}", "{'email':'   '}"})
    void requiredTextRejectsMissingAndBlank(String json) {
        assertInvalid("email is required", () -> in(json).requiredText("email", 254));
    }

    @Test
    void requiredTextKeepsTheTypeAndLengthRules() {
        assertInvalid("email must be a string", () -> in("{'email':1}").requiredText("email", 254));
        assertInvalid("email must be at most 5 characters", () -> in("{'email':'a@b.com'}").requiredText("email", 5));
    }

    // --- choice

    @Test
    void choiceAcceptsAnAllowedValue() {
        assertEquals("paid", in("{'payment_status':' paid '}").choice("payment_status", Set.of("pending", "paid")));
    }

    @Test
    void choiceListsTheAllowedValuesSorted() {
        assertInvalid("status must be one of archived, draft, published",
                () -> in("{'status':'deleted'}").choice("status", Set.of("published", "draft", "archived")));
    }

    @Test
    void choiceIsCaseSensitive() {
        assertInvalid("status must be one of draft, published",
                () -> in("{'status':'Draft'}").choice("status", Set.of("published", "draft")));
    }

    @Test
    void choiceIsRequired() {
        assertInvalid("status is required", () -> in("{}").choice("status", Set.of("draft")));
        assertInvalid("status must be a string", () -> in("{'status':1}").choice("status", Set.of("draft")));
    }

    // --- amount

    @ParameterizedTest
    @CsvSource({
        "0, 0.00",
        "5, 5.00",
        "2.5, 2.50",
        "99.99, 99.99",
        "99.990, 99.99",
        "1E+3, 1000.00",
        "9999999999.99, 9999999999.99"
    })
    void amountHasTwoDecimals(String json, String expected) {
        BigDecimal amount = in("{'total':" + json + "}").amount("total");
        assertEquals(new BigDecimal(expected), amount);
        assertEquals(2, amount.scale());
    }

    @Test
    void amountRules() {
        assertInvalid("total is required", () -> in("{}").amount("total"));
        assertInvalid("total is required", () -> in("{'total':null}").amount("total"));
        assertInvalid("total must be a number", () -> in("{'total':'99.99'}").amount("total"));
        assertInvalid("total must not be negative", () -> in("{'total':-0.01}").amount("total"));
        assertInvalid("total must have at most two decimals", () -> in("{'total':1.999}").amount("total"));
        assertInvalid("total must have at most two decimals", () -> in("{'total':0.001}").amount("total"));
        assertInvalid("total is too large", () -> in("{'total':10000000000}").amount("total"));
        assertInvalid("total is too large", () -> in("{'total':1E+100}").amount("total"));
    }

    // --- count

    @ParameterizedTest
    @CsvSource({"0, 0", "120, 120", "1.0, 1", "1E+2, 100", "2147483647, 2147483647"})
    void countAcceptsWholeNumbers(String json, int expected) {
        assertEquals(expected, in("{'stock':" + json + "}").count("stock"));
    }

    @Test
    void countRules() {
        assertInvalid("stock is required", () -> in("{}").count("stock"));
        assertInvalid("stock must be a number", () -> in("{'stock':'5'}").count("stock"));
        assertInvalid("stock must not be negative", () -> in("{'stock':-1}").count("stock"));
        assertInvalid("stock must be a whole number", () -> in("{'stock':1.5}").count("stock"));
    }

    // --- id

    @ParameterizedTest
    @CsvSource({"1, 1", "45, 45", "9223372036854775807, 9223372036854775807", "7.0, 7"})
    void idAcceptsPositiveWholeNumbers(String json, long expected) {
        assertEquals(expected, in("{'customer_id':" + json + "}").id("customer_id"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "1.5", "9223372036854775808", "1E+400"})
    void idRejectsEverythingElseAsNotAPositiveId(String json) {
        assertInvalid("customer_id must be a positive id", () -> in("{'customer_id':" + json + "}").id("customer_id"));
    }

    @Test
    void idMustBePresentAndANumber() {
        assertInvalid("customer_id is required", () -> in("{}").id("customer_id"));
        assertInvalid("customer_id is required", () -> in("{'customer_id':null}").id("customer_id"));
        assertInvalid("customer_id must be a number", () -> in("{'customer_id':'45'}").id("customer_id"));
    }

    // --- of

    @Test
    void ofWrapsABuiltObject() {
        JsonInput cut = JsonInput.of(Json.createObjectBuilder().add("sku", " A-1 ").add("stock", 3).build());
        assertEquals("A-1", cut.requiredText("sku", 64));
        assertEquals(3, cut.count("stock"));
    }
}
