package org.opencustoms.inspection.finding;

import org.opencustoms.codes.ContainerNumbers;
import org.opencustoms.common.problem.FieldViolation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What scan-analysis-service reports about one scan. Region coordinates are pixels of the display image. */
public record ScanFindingRequest(
        String scanId,
        String containerNumber,
        String modality,
        Double threatScore,
        Double emptyScore,
        Integer imageWidth,
        Integer imageHeight,
        List<Region> regions,
        String modelVersion,
        Instant analysedAt) {

    static final int MAX_REGIONS = 100;
    /** The kinds of threat scan-analysis-service's detector tells apart, by their wire names. */
    static final List<String> THREAT_CLASSES = List.of("firearm", "dense-shielding", "organic-packages", "concealed-compartment");

    /**
     * @param label       free text scan-analysis-service sends with every region (today always "Suspect region")
     * @param threatClass optional: one of {@link #THREAT_CLASSES}, absent or null when the detector cannot tell the kind
     */
    public record Region(Integer x, Integer y, Integer w, Integer h, Double score, String label, String threatClass) {
    }

    List<FieldViolation> violations() {
        List<FieldViolation> violations = new ArrayList<>();
        if (scanId == null || !scanId.matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")) {
            violations.add(new FieldViolation("scanId", "required: 1-128 letters, digits and . _ : -"));
        }
        if (!ContainerNumbers.isValid(containerNumber)) {
            violations.add(new FieldViolation("containerNumber", "required: an ISO 6346 container number"));
        }
        if (!"XRAY".equals(modality) && !"GAMMA".equals(modality)) {
            violations.add(new FieldViolation("modality", "XRAY or GAMMA"));
        }
        score(violations, "threatScore", threatScore, true);
        score(violations, "emptyScore", emptyScore, false);
        boolean sized = imageWidth != null && imageHeight != null && imageWidth > 0 && imageHeight > 0
                && imageWidth <= 20_000 && imageHeight <= 20_000;
        if (!sized) {
            violations.add(new FieldViolation("imageWidth", "imageWidth and imageHeight are required, 1 to 20000"));
        }
        List<Region> all = regions == null ? List.of() : regions;
        if (all.size() > MAX_REGIONS) {
            violations.add(new FieldViolation("regions", "at most " + MAX_REGIONS));
        }
        for (int i = 0; i < all.size() && sized; i++) {
            Region r = all.get(i);
            String path = "regions[" + i + "]";
            if (r == null || r.x() == null || r.y() == null || r.w() == null || r.h() == null
                    || r.x() < 0 || r.y() < 0 || r.w() < 1 || r.h() < 1
                    || r.x() + r.w() > imageWidth || r.y() + r.h() > imageHeight) {
                violations.add(new FieldViolation(path, "x, y, w, h must describe a box inside the image"));
            } else {
                score(violations, path + ".score", r.score(), true);
            }
            if (r != null && r.threatClass() != null && !THREAT_CLASSES.contains(r.threatClass())) {
                violations.add(new FieldViolation(path + ".threatClass",
                        "firearm, dense-shielding, organic-packages or concealed-compartment; absent or null when unknown"));
            }
        }
        return violations;
    }

    private static void score(List<FieldViolation> violations, String field, Double value, boolean required) {
        if (value == null ? required : !(value >= 0 && value <= 1)) {
            violations.add(new FieldViolation(field, (required ? "required: " : "") + "a score between 0 and 1"));
        }
    }
}
