package org.opencustoms.codes;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContainerNumbersTest {

    @Test
    void theIso6346WorkedExampleHasCheckDigitThree() {
        assertEquals(3, ContainerNumbers.checkDigit("CSQU305438"));
        assertTrue(ContainerNumbers.isValid("CSQU3054383"));
    }

    @Test
    void aWrongCheckDigitOrShapeIsInvalid() {
        assertFalse(ContainerNumbers.isValid("CSQU3054384"));
        assertFalse(ContainerNumbers.isValid("CSQX3054383"), "category must be U, J or Z");
        assertFalse(ContainerNumbers.isValid("csqu3054383"));
        assertFalse(ContainerNumbers.isValid(null));
    }
}
