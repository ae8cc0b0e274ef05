package org.recert.compliance.service;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.recert.contracts.ActivityType;
import org.recert.contracts.Approval;
import org.recert.compliance.domain.CategoryShare;
import org.recert.compliance.domain.CourseOffer;
import org.recert.compliance.domain.CreditFact;
import org.recert.contracts.CreditUnit;
import org.recert.contracts.Verification;
import org.recert.contracts.FeeModel;
import org.recert.compliance.store.CatalogCourseEntity;
import org.recert.compliance.store.LearnerCreditEntity;

/** Turns stored projection rows into the engine's values. */
@ApplicationScoped
public class CreditFacts {

    public static final String REVOKED = "REVOKED";
    public static final String RETIRED = "RETIRED";

    private static final TypeReference<List<CategoryShare>> SHARES = new TypeReference<>() { };

    private final ObjectMapper json;

    public CreditFacts(ObjectMapper json) {
        this.json = json;
    }

    public CreditFact credit(LearnerCreditEntity row) {
        return new CreditFact(row.creditId, ActivityType.valueOf(row.activityType), row.completedOn, row.amount,
                CreditUnit.valueOf(row.unit), shares(row.categories), Approval.valueOf(row.approval), row.contactMinutes,
                REVOKED.equals(row.status), Verification.valueOf(row.verification));
    }

    public CourseOffer course(CatalogCourseEntity row) {
        FeeModel model = FeeModel.valueOf(row.feeModel);
        BigDecimal fee = model == FeeModel.FREE ? BigDecimal.ZERO : row.fee;
        return new CourseOffer(row.courseId, row.title, row.providerId, ActivityType.valueOf(row.format), fee, model, row.amount,
                CreditUnit.valueOf(row.unit), shares(row.categories), "AAMA".equals(row.approvalBody) ? Approval.AAMA : Approval.NON_AAMA,
                row.contactMinutes, RETIRED.equals(row.status), row.approvalValidTo);
    }

    public List<CategoryShare> shares(String categories) {
        try {
            return json.readValue(categories, SHARES);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("categories are not a list of {category, value}: " + e.getOriginalMessage(), e);
        }
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serializable: " + e.getOriginalMessage(), e);
        }
    }
}
