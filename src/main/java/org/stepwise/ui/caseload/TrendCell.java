package org.stepwise.ui.caseload;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Shape;
import javafx.util.Duration;
import org.stepwise.domain.caseload.CaseloadLine;
import org.stepwise.domain.caseload.Trend;
import org.stepwise.domain.measure.MeasureCatalogue;
import org.stepwise.domain.measure.MeasureCode;
import org.stepwise.domain.measure.MeasureDefinition;
import org.stepwise.ui.common.StyleClasses;

/** The PHQ-9 trend: a mark (down, up, flat) and the change, with both scores when pointed at. */
final class TrendCell extends TableCell<CaseloadLine, CaseloadLine> {

    private final MeasureCatalogue catalogue;

    private final Label mark = new Label();
    private final Tooltip tooltip = new Tooltip();
    /** This cell's mark of each trend, made when first shown and kept. */
    private final Map<Trend, Shape> shapes = new EnumMap<>(Trend.class);

    TrendCell(MeasureCatalogue catalogue) {
        this.catalogue = catalogue;
        mark.getStyleClass().add("trend");
        mark.setGraphicTextGap(6);
        tooltip.setShowDelay(Duration.millis(300));
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void updateItem(CaseloadLine line, boolean empty) {
        super.updateItem(line, empty);
        if (empty) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        Trend trend = line == null ? Trend.NONE : line.phq9Trend();
        StyleClasses.swap(mark, "trend-", "trend-" + trend.name().toLowerCase(Locale.ROOT));
        if (line == null) {
            mark.setGraphic(null);
            mark.setText(CaseloadView.MISSING);
            tooltip.setText(trend.meaning());
        } else {
            MeasureDefinition phq9 = catalogue.definition(MeasureCode.PHQ9);
            BigDecimal previous = line.previousPhq9();
            BigDecimal last = line.lastPhq9().total();
            BigDecimal change = last.subtract(previous);
            mark.setGraphic(shapes.computeIfAbsent(trend, TrendCell::shape));
            mark.setText((change.signum() > 0 ? "+" : change.signum() < 0 ? "−" : "") + ScoreChipCell.plain(change.abs(), phq9));
            tooltip.setText("PHQ-9 " + ScoreChipCell.plain(previous, phq9) + " → " + ScoreChipCell.plain(last, phq9) + ". " + trend.meaning());
        }
        setGraphic(mark);
        setTooltip(tooltip);
    }

    private static Shape shape(Trend trend) {
        Shape shape = switch (trend) {
            case DOWN -> new Polygon(0, 0, 10, 0, 5, 8);
            case UP -> new Polygon(0, 8, 10, 8, 5, 0);
            default -> new Circle(4);
        };
        shape.getStyleClass().add("trend-shape");
        return shape;
    }
}
