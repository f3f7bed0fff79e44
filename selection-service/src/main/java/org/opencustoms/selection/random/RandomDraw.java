package org.opencustoms.selection.random;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The random pick of one shipment: HMAC-SHA256(period seed, canonical shipment key), read as an unsigned
 * 256-bit number, is picked when it is below rate * 2^256. Anyone holding the revealed seed can recompute it.
 */
public record RandomDraw(String drawHex, boolean picked) {

    private static final BigDecimal TWO_TO_256 = new BigDecimal(BigInteger.ONE.shiftLeft(256));

    public static RandomDraw of(byte[] seed, String shipmentKey, double rate) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("a rate is between 0 and 1, not " + rate);
        }
        byte[] draw = hmac(seed, shipmentKey);
        return new RandomDraw(HexFormat.of().formatHex(draw), new BigInteger(1, draw).compareTo(threshold(rate)) < 0);
    }

    static BigInteger threshold(double rate) {
        return new BigDecimal(rate).multiply(TWO_TO_256).toBigInteger();
    }

    /** The key that identifies a shipment to the draw: fixed by the first filing, so an amendment cannot redraw. */
    public static String shipmentKey(String carrierCode, String masterBillOfLading) {
        return "ISF|" + carrierCode + "|" + masterBillOfLading;
    }

    private static byte[] hmac(byte[] seed, String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(seed, "HmacSHA256"));
            return mac.doFinal(key.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
