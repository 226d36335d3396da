package org.stepwise.ui.caseload;

import java.math.BigDecimal;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import org.stepwise.domain.caseload.CaseloadLine;
import org.stepwise.domain.caseload.LastScore;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureDefinition;
import org.stepwise.ui.common.StyleClasses;

/**
 * A score shown as a small chip coloured by its severity on PHQ-9's scale of five
 * ({@link LastScore#severity}: style classes {@code severity-0} to {@code severity-4}), so a PHQ-9 and an
 * anxiety score of the same severity look alike; {@code named} puts the measure's name before the score
 * (the anxiety column, whose measure varies).
 */
final class ScoreChipCell extends TableCell<CaseloadLine, LastScore> {

    private final MeasureCatalogue catalogue;
    private final boolean named;
    private final Label chip = new Label();
    private final Tooltip tooltip = new Tooltip();

    ScoreChipCell(MeasureCatalogue catalogue, boolean named) {
        this.catalogue = catalogue;
        this.named = named;
        chip.getStyleClass().add("score-chip");
        tooltip.setShowDelay(Duration.millis(300));
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void updateItem(LastScore score, boolean empty) {
        super.updateItem(score, empty);
        if (empty) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        if (score == null) {
            chip.setText(CaseloadView.MISSING);
            StyleClasses.swap(chip, "severity-", null);
            setGraphic(chip);
            setTooltip(null);
            return;
        }
        MeasureDefinition measure = catalogue.definition(score.measure());
        String total = plain(score.total(), measure);
        chip.setText(named ? measure.name() + " " + total : total);
        StyleClasses.swap(chip, "severity-", score.severity() >= 0 ? "severity-" + score.severity() : null);
        tooltip.setText(measure.name() + " " + total + meaning(score, measure));
        setGraphic(chip);
        setTooltip(tooltip);
    }

    private static String meaning(LastScore score, MeasureDefinition measure) {
        if (score.band() != null) {
            return ": " + score.band().label();
        }
        return measure.caseness().map(c -> score.severity() == LastScore.AT_CASENESS
                ? ": at caseness (" + (measure.casenessStrict() ? "above " : "") + c.stripTrailingZeros().toPlainString() + ")"
                : ": below caseness (" + c.stripTrailingZeros().toPlainString() + ")").orElse("");
    }

    /** A total as a practitioner reads it: a whole number, or MI's mean to two decimals. */
    static String plain(BigDecimal total, MeasureDefinition measure) {
        return measure.display(total);
    }
}
