package org.opencustoms.scan.sim.physics;

/**
 * Elements the materials are mixed from. Each holds its total mass attenuation coefficient
 * (cm^2/g, coherent scattering included) at {@link #ENERGIES_MEV}, as tabulated by NIST
 * (Hubbell and Seltzer, XCOM), rounded to about three significant digits.
 */
public enum Element {
    H(0.2944, 0.2651, 0.2429, 0.2112, 0.1893, 0.1729, 0.1599, 0.1405, 0.1263,
            0.1129, 0.1027, 0.08769, 0.06921, 0.05806, 0.05049, 0.04498, 0.03746, 0.03254),
    C(0.1514, 0.1347, 0.1229, 0.1066, 0.09546, 0.08715, 0.08058, 0.07076, 0.06361,
            0.05690, 0.05179, 0.04442, 0.03562, 0.03047, 0.02708, 0.02469, 0.02154, 0.01959),
    N(0.1550, 0.1353, 0.1233, 0.1068, 0.09557, 0.08719, 0.08063, 0.07081, 0.06364,
            0.05693, 0.05180, 0.04450, 0.03579, 0.03073, 0.02742, 0.02511, 0.02209, 0.02024),
    O(0.1551, 0.1361, 0.1237, 0.1070, 0.09566, 0.08729, 0.08070, 0.07087, 0.06372,
            0.05697, 0.05185, 0.04459, 0.03597, 0.03100, 0.02777, 0.02552, 0.02263, 0.02089),
    NA(0.1627, 0.1318, 0.1175, 0.09983, 0.08898, 0.08102, 0.07488, 0.06564, 0.05899,
            0.05274, 0.04800, 0.04140, 0.03375, 0.02954, 0.02692, 0.02517, 0.02303, 0.02189),
    AL(0.1704, 0.1378, 0.1223, 0.1042, 0.09276, 0.08445, 0.07802, 0.06841, 0.06146,
            0.05496, 0.05006, 0.04324, 0.03541, 0.03106, 0.02836, 0.02655, 0.02437, 0.02318),
    SI(0.1835, 0.1448, 0.1288, 0.1095, 0.09753, 0.08888, 0.08210, 0.07203, 0.06474,
            0.05789, 0.05273, 0.04561, 0.03742, 0.03300, 0.03028, 0.02849, 0.02641, 0.02540),
    CA(0.2571, 0.1691, 0.1414, 0.1182, 0.1050, 0.09555, 0.08822, 0.07738, 0.06953,
            0.06216, 0.05670, 0.04932, 0.04105, 0.03678, 0.03431, 0.03280, 0.03126, 0.03066),
    FE(0.3717, 0.1964, 0.1460, 0.1099, 0.09400, 0.08414, 0.07704, 0.06699, 0.05995,
            0.05350, 0.04883, 0.04265, 0.03621, 0.03312, 0.03146, 0.03057, 0.02991, 0.02994),
    PB(5.549, 2.014, 0.9985, 0.4031, 0.2323, 0.1614, 0.1248, 0.08870, 0.07102,
            0.05876, 0.05222, 0.04606, 0.04234, 0.04197, 0.04272, 0.04391, 0.04675, 0.04972);

    public static final double[] ENERGIES_MEV = {
        0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0};

    private final double[] massAttenuation;

    Element(double... massAttenuation) {
        if (massAttenuation.length != 18) {
            throw new IllegalStateException(name() + " needs one coefficient per tabulated energy");
        }
        this.massAttenuation = massAttenuation;
    }

    /** Mass attenuation at any energy in the table's range, interpolated log-log as XCOM does. */
    public double massAttenuation(double energyMeV) {
        double[] energies = ENERGIES_MEV;
        if (energyMeV <= energies[0]) {
            return massAttenuation[0];
        }
        int last = energies.length - 1;
        if (energyMeV >= energies[last]) {
            return massAttenuation[last];
        }
        int upper = 1;
        while (energies[upper] < energyMeV) {
            upper++;
        }
        int lower = upper - 1;
        double t = Math.log(energyMeV / energies[lower]) / Math.log(energies[upper] / energies[lower]);
        return Math.exp(Math.log(massAttenuation[lower])
                + t * Math.log(massAttenuation[upper] / massAttenuation[lower]));
    }
}
