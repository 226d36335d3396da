package org.stepwise.domain.measure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stepwise.domain.measure.MeasureDefinition.Sourced;
import org.stepwise.domain.measure.MeasureDefinition.Threshold;
import org.stepwise.domain.referral.ProblemDescriptor;

/**
 * Reads the measure table format documented at the head of {@code measures.tsv}. Every check
 * that fails names its line and the reason; nothing of a refused table is used.
 */
final class MeasureTableParser {

    private static final Pattern BAND = Pattern.compile("(\\d+(?:\\.\\d+)?)-(\\d+(?:\\.\\d+)?) (\\S.*)");
    private static final int MAX_DECIMALS = 2;

    private final Map<MeasureCode, Draft> drafts = new EnumMap<>(MeasureCode.class);
    private final Map<String, MeasureCode> anxietyMeasures = new LinkedHashMap<>();
    private final Map<String, Integer> anxietyMeasureLines = new LinkedHashMap<>();
    private String edition;
    private String source;
    private int editionLine;
    private int sourceLine;
    private int lineNumber;

    /** One measure's lines while the table is read. */
    private static final class Draft {
        MeasureCode code;
        int line;
        String name;
        String title;
        int itemCount;
        int itemMin;
        int itemMax;
        TotalRule rule;
        int maxUnanswered;
        int decimals;
        BigDecimal totalMin;
        BigDecimal totalMax;
        Provenance provenance;
        Threshold caseness;
        int casenessLine;
        Sourced<BigDecimal> reliableChange;
        int reliableChangeLine;
        Sourced<List<SeverityBand>> bands;
        int bandsLine;
        RiskItem riskItem;
        int riskItemLine;
        Sourced<List<String>> itemLabels;
        int itemLabelsLine;
    }

    private MeasureTableParser() {
    }

    static MeasureCatalogue parse(Reader reader) {
        return new MeasureTableParser().read(reader);
    }

    private MeasureCatalogue read(Reader reader) {
        try (BufferedReader lines = new BufferedReader(reader)) {
            String line;
            while ((line = lines.readLine()) != null) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                record(Arrays.stream(line.split("\t", -1)).map(String::strip).toArray(String[]::new));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The measure table could not be read.", e);
        }
        return complete();
    }

    private void record(String[] f) {
        switch (f[0]) {
            case "edition" -> {
                fields(f, 2, "edition <edition>");
                if (edition != null) {
                    fail("the edition is given twice (first at line " + editionLine + ")");
                }
                edition = text(f[1], "edition");
                editionLine = lineNumber;
            }
            case "source" -> {
                fields(f, 2, "source <text>");
                if (source != null) {
                    fail("the table's source is given twice (first at line " + sourceLine + ")");
                }
                source = text(f[1], "source");
                sourceLine = lineNumber;
            }
            case "measure" -> measure(f);
            case "items" -> itemLabels(f);
            case "caseness" -> caseness(f);
            case "rci" -> reliableChange(f);
            case "bands" -> bands(f);
            case "risk-item" -> riskItem(f);
            case "adsm" -> anxietyMeasure(f);
            default -> fail("unknown kind of line '" + f[0]
                    + "' (expected edition, source, measure, items, caseness, rci, bands, risk-item or adsm)");
        }
    }

    private void measure(String[] f) {
        fields(f, 14, "measure <code> <short name> <full name> <items> <item min> <item max> <total rule>"
                + " <max unanswered> <decimals> <total min> <total max> <source> <status>");
        MeasureCode code = code(f[1]);
        Draft existing = drafts.get(code);
        if (existing != null) {
            fail("measure " + code + " is given twice (first at line " + existing.line + ")");
        }
        Draft d = new Draft();
        d.code = code;
        d.line = lineNumber;
        d.name = text(f[2], "short name");
        d.title = text(f[3], "full name");
        d.itemCount = whole(f[4], "item count");
        d.itemMin = whole(f[5], "item minimum");
        d.itemMax = whole(f[6], "item maximum");
        d.rule = Arrays.stream(TotalRule.values()).filter(r -> r.code().equals(f[7])).findFirst()
                .orElseThrow(() -> error("unknown total rule '" + f[7] + "' (expected sum, prorated-sum or mean)"));
        d.maxUnanswered = whole(f[8], "max unanswered");
        d.decimals = whole(f[9], "decimals");
        d.totalMin = number(f[10], "total minimum");
        d.totalMax = number(f[11], "total maximum");
        d.provenance = provenance(f[12], f[13]);

        if (d.itemCount < 1) {
            fail(code + " needs at least one item");
        }
        if (d.itemMin >= d.itemMax) {
            fail(code + " item minimum " + d.itemMin + " must be below its maximum " + d.itemMax);
        }
        if (d.rule == TotalRule.SUM && d.maxUnanswered != 0) {
            fail(code + " is a sum of every item: max unanswered must be 0");
        }
        if (d.maxUnanswered >= d.itemCount) {
            fail(code + " max unanswered must be below its item count " + d.itemCount);
        }
        if (d.decimals > MAX_DECIMALS) {
            fail(code + " decimals must be 0 to " + MAX_DECIMALS);
        }
        BigDecimal expectedMin = d.rule == TotalRule.MEAN ? BigDecimal.valueOf(d.itemMin)
                : BigDecimal.valueOf((long) d.itemMin * d.itemCount);
        BigDecimal expectedMax = d.rule == TotalRule.MEAN ? BigDecimal.valueOf(d.itemMax)
                : BigDecimal.valueOf((long) d.itemMax * d.itemCount);
        if (d.totalMin.compareTo(expectedMin) != 0 || d.totalMax.compareTo(expectedMax) != 0) {
            fail(code + " total range must be " + expectedMin + " to " + expectedMax + " for " + d.itemCount
                    + " items of " + d.itemMin + " to " + d.itemMax + " by rule " + d.rule.code());
        }
        fitsDecimals(d, d.totalMin, "total minimum");
        fitsDecimals(d, d.totalMax, "total maximum");
        drafts.put(code, d);
    }

    private void itemLabels(String[] f) {
        fields(f, 5, "items <code> <label; ...> <source> <status>");
        Draft d = draft(f[1], "items");
        if (d.itemLabels != null) {
            fail("the item labels of " + d.code + " are given twice (first at line " + d.itemLabelsLine + ")");
        }
        List<String> labels = Arrays.stream(f[2].split(";", -1)).map(String::strip).toList();
        if (labels.size() != d.itemCount) {
            fail(d.code + " has " + d.itemCount + " items; " + labels.size() + " item labels were given");
        }
        if (labels.stream().anyMatch(String::isEmpty)) {
            fail("an item label of " + d.code + " is empty");
        }
        d.itemLabels = new Sourced<>(labels, provenance(f[3], f[4]));
        d.itemLabelsLine = lineNumber;
    }

    private void caseness(String[] f) {
        fields(f, 6, "caseness <code> <threshold> <at-or-above|above> <source> <status>");
        Draft d = draft(f[1], "caseness");
        if (d.caseness != null) {
            fail("caseness of " + d.code + " is given twice (first at line " + d.casenessLine + ")");
        }
        BigDecimal value = number(f[2], "caseness threshold");
        inRange(d, value, "caseness threshold");
        fitsDecimals(d, value, "caseness threshold");
        boolean strict = switch (f[3]) {
            case "at-or-above" -> false;
            case "above" -> true;
            default -> throw error("caseness must be 'at-or-above' or 'above', not '" + f[3] + "'");
        };
        d.caseness = new Threshold(value, strict, provenance(f[4], f[5]));
        d.casenessLine = lineNumber;
    }

    private void reliableChange(String[] f) {
        fields(f, 5, "rci <code> <reliable change index> <source> <status>");
        Draft d = draft(f[1], "rci");
        if (d.reliableChange != null) {
            fail("rci of " + d.code + " is given twice (first at line " + d.reliableChangeLine + ")");
        }
        BigDecimal value = number(f[2], "reliable change index");
        if (value.signum() <= 0 || value.compareTo(d.totalMax.subtract(d.totalMin)) > 0) {
            fail(d.code + " reliable change index must be above 0 and at most the width of the total range");
        }
        d.reliableChange = new Sourced<>(value, provenance(f[3], f[4]));
        d.reliableChangeLine = lineNumber;
    }

    private void bands(String[] f) {
        fields(f, 5, "bands <code> <from-to label; ...> <source> <status>");
        Draft d = draft(f[1], "bands");
        if (d.bands != null) {
            fail("bands of " + d.code + " are given twice (first at line " + d.bandsLine + ")");
        }
        BigDecimal step = BigDecimal.ONE.movePointLeft(d.decimals);
        List<SeverityBand> bands = new ArrayList<>();
        for (String part : f[2].split(";")) {
            Matcher m = BAND.matcher(part.strip());
            if (!m.matches()) {
                fail("band '" + part.strip() + "' is not 'from-to label'");
            }
            SeverityBand band = new SeverityBand(m.group(3).strip(), number(m.group(1), "band start"),
                    number(m.group(2), "band end"));
            fitsDecimals(d, band.from(), "band start");
            fitsDecimals(d, band.to(), "band end");
            if (band.from().compareTo(band.to()) > 0) {
                fail("band '" + band.label() + "' starts after it ends");
            }
            BigDecimal expectedFrom = bands.isEmpty() ? d.totalMin : bands.getLast().to().add(step);
            if (band.from().compareTo(expectedFrom) != 0) {
                fail("band '" + band.label() + "' must start at " + expectedFrom.toPlainString()
                        + ": bands cover the total range in order, without gap or overlap");
            }
            bands.add(band);
        }
        if (bands.getLast().to().compareTo(d.totalMax) != 0) {
            fail("the last band of " + d.code + " must end at the total maximum " + d.totalMax.toPlainString());
        }
        d.bands = new Sourced<>(List.copyOf(bands), provenance(f[3], f[4]));
        d.bandsLine = lineNumber;
    }

    private void riskItem(String[] f) {
        fields(f, 6, "risk-item <code> <item number> <at least> <source> <status>");
        Draft d = draft(f[1], "risk-item");
        if (d.riskItem != null) {
            fail("the risk item of " + d.code + " is given twice (first at line " + d.riskItemLine + ")");
        }
        int item = whole(f[2], "item number");
        int atLeast = whole(f[3], "risk response");
        if (item < 1 || item > d.itemCount) {
            fail(d.code + " has items 1 to " + d.itemCount + ", not " + item);
        }
        if (atLeast <= d.itemMin || atLeast > d.itemMax) {
            fail("the risk response must be above " + d.itemMin + " and at most " + d.itemMax);
        }
        d.riskItem = new RiskItem(item, atLeast, provenance(f[4], f[5]));
        d.riskItemLine = lineNumber;
    }

    private void anxietyMeasure(String[] f) {
        fields(f, 5, "adsm <problem descriptor> <measure code> <source> <status>");
        String descriptor = f[1];
        if (!ProblemDescriptor.isWellFormed(descriptor)) {
            fail("'" + descriptor + "' is not an ICD-10 problem descriptor such as F40.0 or F42");
        }
        if (anxietyMeasures.containsKey(descriptor)) {
            fail(descriptor + " is given twice (first at line " + anxietyMeasureLines.get(descriptor) + ")");
        }
        MeasureCode code = code(f[2]);
        if (code == MeasureCode.PHQ9) {
            fail("PHQ9 is the depression measure, not an anxiety measure");
        }
        provenance(f[3], f[4]);
        anxietyMeasures.put(descriptor, code);
        anxietyMeasureLines.put(descriptor, lineNumber);
    }

    private MeasureCatalogue complete() {
        if (edition == null) {
            fail("the table has no edition line");
        }
        if (source == null) {
            fail("the table has no source line");
        }
        for (MeasureCode code : MeasureCode.values()) {
            if (!drafts.containsKey(code)) {
                fail("the table has no measure line for " + code);
            }
        }
        needsOutcomeValues(MeasureCode.PHQ9, "the depression measure");
        needsOutcomeValues(MeasureCode.GAD7, "the default anxiety measure");
        anxietyMeasures.forEach((descriptor, code) -> needsOutcomeValues(code, "the anxiety measure of " + descriptor));
        Map<MeasureCode, MeasureDefinition> definitions = new EnumMap<>(MeasureCode.class);
        drafts.forEach((code, d) -> definitions.put(code, new MeasureDefinition(code, d.name, d.title, d.itemCount,
                d.itemMin, d.itemMax, d.rule, d.maxUnanswered, d.decimals, d.totalMin.setScale(d.decimals),
                d.totalMax.setScale(d.decimals), d.provenance, d.caseness, d.reliableChange, d.bands, d.riskItem,
                d.itemLabels)));
        return new MeasureCatalogue(edition, source, definitions, anxietyMeasures);
    }

    private void needsOutcomeValues(MeasureCode code, String role) {
        Draft d = drafts.get(code);
        if (d.caseness == null || d.reliableChange == null) {
            fail(code + " is " + role + ": it needs a caseness and an rci line");
        }
    }

    private Draft draft(String code, String kind) {
        Draft d = drafts.get(code(code));
        if (d == null) {
            fail("the " + kind + " line of " + code + " must come after its measure line");
        }
        return d;
    }

    private MeasureCode code(String text) {
        return Arrays.stream(MeasureCode.values()).filter(c -> c.name().equals(text)).findFirst()
                .orElseThrow(() -> error("unknown measure code '" + text + "'"));
    }

    private Provenance provenance(String sourceText, String status) {
        String text = text(sourceText, "source");
        return switch (status) {
            case "stated" -> new Provenance(text, false);
            case "verify" -> new Provenance(text, true);
            default -> throw error("status must be 'stated' or 'verify', not '" + status + "'");
        };
    }

    private void fields(String[] f, int count, String form) {
        if (f.length != count) {
            fail("expected " + count + " tab-separated fields (" + form + "), found " + f.length);
        }
    }

    private String text(String value, String what) {
        if (value.isEmpty()) {
            fail("the " + what + " is empty");
        }
        return value;
    }

    private int whole(String value, String what) {
        if (!value.matches("\\d{1,6}")) {
            fail("the " + what + " '" + value + "' is not a whole number such as 9");
        }
        return Integer.parseInt(value);
    }

    private BigDecimal number(String value, String what) {
        if (!value.matches("\\d+(\\.\\d+)?")) {
            fail("the " + what + " '" + value + "' is not a number such as 10 or 2.3");
        }
        return new BigDecimal(value);
    }

    private void inRange(Draft d, BigDecimal value, String what) {
        if (value.compareTo(d.totalMin) < 0 || value.compareTo(d.totalMax) > 0) {
            fail("the " + what + " " + value.toPlainString() + " is outside " + d.code + "'s total range "
                    + d.totalMin.toPlainString() + " to " + d.totalMax.toPlainString());
        }
    }

    private void fitsDecimals(Draft d, BigDecimal value, String what) {
        if (value.stripTrailingZeros().scale() > d.decimals) {
            fail("the " + what + " " + value.toPlainString() + " has more decimals than " + d.code + "'s total ("
                    + d.decimals + ")");
        }
    }

    private MeasureTableException error(String reason) {
        return new MeasureTableException(lineNumber, reason);
    }

    private void fail(String reason) {
        throw error(reason);
    }
}
