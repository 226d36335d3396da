package org.stepwise.domain.measure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stepwise.domain.measure.MeasureDefinition.Sourced;
import org.stepwise.domain.measure.MeasureDefinition.Threshold;

/**
 * Reads the measure table format documented at the head of {@code measures.tsv}. Every check
 * that fails names its line and the reason; nothing of a refused table is used.
 *
 * <p>Long because: one short method per record kind of measures.tsv, in the order the format is
 * documented, with the shared checks that name the line; splitting by record kind would scatter the
 * one format.
 */
final class MeasureTableParser {

    private static final Pattern BAND = Pattern.compile("(\\d+(?:\\.\\d+)?)-(\\d+(?:\\.\\d+)?) (\\S.*)");
    private static final int MAX_DECIMALS = 4;

    private final Map<String, Draft> drafts = new LinkedHashMap<>();
    /** Descriptor rows by code, in table order, with the line each came from and its measure's text. */
    private final Map<String, DescriptorDraft> descriptors = new LinkedHashMap<>();
    private final Map<String, Therapy> therapies = new LinkedHashMap<>();
    private final Map<String, Integer> therapyLines = new LinkedHashMap<>();
    private String edition;
    private String source;
    private int editionLine;
    private int sourceLine;
    private int lineNumber;

    /** One descriptor's line while the table is read; its measure is checked once every measure is known. */
    private record DescriptorDraft(int line, String code, String label, String icd10, String snomedCode, String measure,
            Provenance provenance) {
    }

    /** One measure's lines while the table is read. */
    private static final class Draft {
        String code;
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
        String snomedCode;
        String loincCode;
        int codesLine;
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
            case "codes" -> codes(f);
            case "descriptor" -> descriptor(f);
            case "adsm" -> anxietyMeasure(f);
            case "therapy" -> therapy(f);
            default -> fail("unknown kind of line '" + f[0] + "' (expected edition, source, measure, items, caseness,"
                    + " rci, bands, risk-item, codes, descriptor, adsm or therapy)");
        }
    }

    private void measure(String[] f) {
        fields(f, 14, "measure <code> <short name> <full name> <items> <item min> <item max> <total rule>"
                + " <max unanswered> <decimals> <total min> <total max> <source> <status>");
        String code = f[1];
        if (!MeasureCode.isWellFormed(code)) {
            fail("'" + code + "' is not a measure code: an upper-case letter, then up to 23 upper-case letters,"
                    + " digits or underscores (such as PHQ9 or IESR)");
        }
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

    private void codes(String[] f) {
        fields(f, 6, "codes <code> <SNOMED CT concept id or -> <LOINC code or -> <source> <status>");
        Draft d = draft(f[1], "codes");
        if (d.codesLine != 0) {
            fail("the codes of " + d.code + " are given twice (first at line " + d.codesLine + ")");
        }
        d.snomedCode = optionalCode(f[2], "[0-9]{6,18}", "SNOMED CT concept id", "6 to 18 digits");
        d.loincCode = optionalCode(f[3], "[0-9]{1,7}-[0-9]", "LOINC code", "digits, a hyphen and a check digit");
        provenance(f[4], f[5]);
        d.codesLine = lineNumber;
    }

    private void descriptor(String[] f) {
        fields(f, 8, "descriptor <code> <label> <ICD-10 code> <SNOMED CT concept id or -> <anxiety measure or -> <source>"
                + " <status>");
        String code = f[1];
        if (!ProblemDescriptor.isWellFormedCode(code)) {
            fail("'" + code + "' is not a problem descriptor code: an upper-case letter, then up to 15 upper-case"
                    + " letters, digits, dots or hyphens (such as F41.1 or BDD)");
        }
        String icd10 = f[3];
        if (!ProblemDescriptor.isWellFormed(icd10)) {
            fail("'" + icd10 + "' is not an ICD-10 problem descriptor such as F40.0 or F42");
        }
        if (ProblemDescriptor.isWellFormed(code) && !code.equals(icd10)) {
            fail("descriptor " + code + " looks like an ICD-10 code but gives " + icd10 + ": a descriptor whose code is"
                    + " an ICD-10 code is that code");
        }
        addDescriptor(new DescriptorDraft(lineNumber, code, text(f[2], "label"), icd10,
                optionalCode(f[4], "[0-9]{6,18}", "SNOMED CT concept id", "6 to 18 digits"),
                f[5].equals("-") ? null : f[5], provenance(f[6], f[7])));
    }

    /** Edition 1's line: the ADSM of an ICD-10 descriptor, kept so that an older service table still reads. */
    private void anxietyMeasure(String[] f) {
        fields(f, 5, "adsm <problem descriptor> <measure code> <source> <status>");
        String descriptor = f[1];
        if (!ProblemDescriptor.isWellFormed(descriptor)) {
            fail("'" + descriptor + "' is not an ICD-10 problem descriptor such as F40.0 or F42");
        }
        addDescriptor(new DescriptorDraft(lineNumber, descriptor, descriptor, descriptor, null, f[2],
                provenance(f[3], f[4])));
    }

    private void addDescriptor(DescriptorDraft d) {
        DescriptorDraft existing = descriptors.get(d.code());
        if (existing != null) {
            fail("descriptor " + d.code() + " is given twice (first at line " + existing.line() + ")");
        }
        if (d.measure() != null && d.measure().equals(MeasureCode.PHQ9.code())) {
            fail("PHQ9 is the depression measure, not an anxiety measure");
        }
        descriptors.put(d.code(), d);
    }

    private void therapy(String[] f) {
        fields(f, 7, "therapy <SNOMED CT concept id> <label> <short label> <step> <source> <status>");
        String snomed = optionalCode(f[1], "[0-9]{6,18}", "SNOMED CT concept id", "6 to 18 digits");
        if (snomed == null) {
            fail("a therapy needs its SNOMED CT concept id");
        }
        if (therapies.containsKey(snomed)) {
            fail("therapy " + snomed + " is given twice (first at line " + therapyLines.get(snomed) + ")");
        }
        int step = whole(f[4], "step");
        if (step != 2 && step != 3) {
            fail("a therapy's step is 2 or 3, not " + step);
        }
        therapies.put(snomed, new Therapy(snomed, text(f[2], "label"), text(f[3], "short label"), step,
                provenance(f[5], f[6])));
        therapyLines.put(snomed, lineNumber);
    }

    /** A code field: "-" for none, else text of the given form. */
    private String optionalCode(String value, String form, String what, String formInWords) {
        if (value.equals("-")) {
            return null;
        }
        if (!value.matches(form)) {
            fail("the " + what + " '" + value + "' is not " + formInWords + " (or - for none)");
        }
        return value;
    }

    private MeasureCatalogue complete() {
        if (edition == null) {
            fail("the table has no edition line");
        }
        if (source == null) {
            fail("the table has no source line");
        }
        for (MeasureCode code : MeasureCode.STANDARD) {
            if (!drafts.containsKey(code.code())) {
                fail("the table has no measure line for " + code);
            }
        }
        needsOutcomeValues(MeasureCode.PHQ9.code(), "the depression measure");
        needsOutcomeValues(MeasureCode.GAD7.code(), "the default anxiety measure");
        List<ProblemDescriptor> made = new ArrayList<>();
        for (DescriptorDraft d : descriptors.values()) {
            MeasureCode measure = null;
            if (d.measure() != null) {
                lineNumber = d.line();
                if (!drafts.containsKey(d.measure())) {
                    fail("descriptor " + d.code() + " names the measure " + d.measure() + ", which the table does not"
                            + " define");
                }
                needsOutcomeValues(d.measure(), "the anxiety measure of " + d.code());
                measure = MeasureCode.Registry.intern(d.measure());
            }
            made.add(new ProblemDescriptor(d.code(), d.label(), d.icd10(), d.snomedCode(), measure, d.provenance()));
        }
        Map<MeasureCode, MeasureDefinition> definitions = new LinkedHashMap<>();
        drafts.forEach((text, d) -> {
            MeasureCode code = MeasureCode.Registry.intern(text);
            definitions.put(code, new MeasureDefinition(code, d.name, d.title, d.itemCount, d.itemMin, d.itemMax,
                    d.rule, d.maxUnanswered, d.decimals, d.totalMin.setScale(d.decimals),
                    d.totalMax.setScale(d.decimals), d.provenance, d.caseness, d.reliableChange, d.bands, d.riskItem,
                    d.itemLabels, d.snomedCode, d.loincCode));
        });
        return new MeasureCatalogue(edition, source, definitions, made, List.copyOf(therapies.values()));
    }

    private void needsOutcomeValues(String code, String role) {
        Draft d = drafts.get(code);
        if (d.caseness == null || d.reliableChange == null) {
            fail(code + " is " + role + ": it needs a caseness and an rci line");
        }
    }

    private Draft draft(String code, String kind) {
        Draft d = drafts.get(code);
        if (d == null) {
            fail("the " + kind + " line of " + code + " must come after its measure line");
        }
        return d;
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
