package org.opencustoms.scan.sim.physics;

import java.util.EnumMap;
import java.util.Map;

/**
 * Materials a container, its cargo and threats are made of: nominal density (g/cm^3) and mass
 * fractions of elements. Mass attenuation follows the mixture rule (sum of fraction times the
 * element's coefficient), which is how XCOM treats compounds; compositions are simplified
 * (steel as pure iron, stone as NIST ordinary concrete, organic as sucrose, textile as a
 * cotton/polyester blend), which moves coefficients by no more than a few percent.
 * A solid may override the density (loose fill, cartons with air).
 */
public enum Material {
    STEEL(7.85, "Fe 1"),
    ALUMINIUM(2.70, "Al 1"),
    LEAD(11.35, "Pb 1"),
    WOOD(0.65, "H 0.0622, C 0.4445, O 0.4934"),
    CARDBOARD(0.69, "H 0.0622, C 0.4445, O 0.4934"),
    WATER(1.00, "H 0.1119, O 0.8881"),
    /** Sucrose; cocaine and heroin bricks attenuate within a few percent of it. */
    ORGANIC(1.20, "H 0.0648, C 0.4211, O 0.5141"),
    /** RDX-like nitramine, the other organic threat family. */
    EXPLOSIVE(1.65, "H 0.0272, C 0.1622, N 0.3784, O 0.4322"),
    PLASTIC(0.95, "H 0.1437, C 0.8563"),
    TEXTILE(1.40, "H 0.0521, C 0.5348, O 0.4132"),
    CONCRETE(2.30, "H 0.0221, C 0.0025, O 0.5749, Na 0.0152, Al 0.0200, Si 0.3046, Ca 0.0543, Fe 0.0064"),
    GLASS(2.50, "O 0.4598, Na 0.0964, Si 0.3365, Ca 0.1073"),
    AIR(0.001205, "N 0.7553, O 0.2447");

    private final double density;
    private final Map<Element, Double> massFractions;

    Material(double density, String massFractions) {
        this.density = density;
        this.massFractions = parse(massFractions);
    }

    /** Nominal density in g/cm^3. */
    public double density() {
        return density;
    }

    /** Mass attenuation coefficient in cm^2/g for monoenergetic photons. */
    public double massAttenuation(double energyMeV) {
        double sum = 0;
        for (Map.Entry<Element, Double> part : massFractions.entrySet()) {
            sum += part.getValue() * part.getKey().massAttenuation(energyMeV);
        }
        return sum;
    }

    private static Map<Element, Double> parse(String formula) {
        Map<Element, Double> fractions = new EnumMap<>(Element.class);
        double total = 0;
        for (String part : formula.split(",")) {
            String[] symbolAndFraction = part.trim().split("\\s+");
            double fraction = Double.parseDouble(symbolAndFraction[1]);
            fractions.put(Element.valueOf(symbolAndFraction[0].toUpperCase()), fraction);
            total += fraction;
        }
        double normaliser = total;
        fractions.replaceAll((element, fraction) -> fraction / normaliser);
        return fractions;
    }
}
