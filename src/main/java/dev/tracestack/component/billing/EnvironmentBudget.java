package dev.tracestack.component.billing;

import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.gcp.billing.Budget;
import com.pulumi.gcp.billing.BudgetArgs;
import com.pulumi.gcp.billing.inputs.BudgetAllUpdatesRuleArgs;
import com.pulumi.gcp.billing.inputs.BudgetAmountArgs;
import com.pulumi.gcp.billing.inputs.BudgetAmountSpecifiedAmountArgs;
import com.pulumi.gcp.billing.inputs.BudgetBudgetFilterArgs;
import com.pulumi.gcp.billing.inputs.BudgetThresholdRuleArgs;
import com.pulumi.gcp.organizations.OrganizationsFunctions;
import com.pulumi.gcp.organizations.inputs.GetProjectArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.tracestack.render.Names;
import dev.tracestack.render.cost.BudgetSpec;
import java.util.List;
import java.util.Map;

/**
 * A real Cloud Billing budget for one environment: the monthly amount of {@code cost.monthlyBudgetUsd} over the
 * stack's project, notifying the environment's Cloud Monitoring channels at each threshold. Registered only
 * where {@code cost.billingAccount} is set; everything it needs is derived in {@link BudgetSpec}.
 */
public final class EnvironmentBudget extends ComponentResource {

    public static final String TYPE = "tracestack:billing:EnvironmentBudget";

    /**
     * @param spec                 the budget's account, amount, scope and thresholds
     * @param notificationChannels the environment's notification channel names
     * @param apis                 the enabled APIs (Billing Budgets among them) the budget waits for
     * @param gcp                  the provider the project-number lookup goes through
     */
    public record Args(BudgetSpec spec, Output<List<String>> notificationChannels, List<Resource> apis,
                       com.pulumi.gcp.Provider gcp) {
    }

    public final Budget budget;

    public EnvironmentBudget(String name, Args args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        BudgetSpec spec = args.spec();
        // The Budget API scopes by project number, not id.
        Output<String> project = OrganizationsFunctions.getProject(
                        GetProjectArgs.builder().projectId(spec.project()).build(),
                        new InvokeOptions(this, args.gcp(), null))
                .applyValue(p -> "projects/" + p.number());
        this.budget = new Budget(Names.child(name, "budget"), BudgetArgs.builder()
                .billingAccount(spec.billingAccount())
                .displayName(spec.displayName())
                .budgetFilter(BudgetBudgetFilterArgs.builder()
                        .projects(project.applyValue(List::of))
                        .calendarPeriod(BudgetSpec.PERIOD)
                        .build())
                .amount(BudgetAmountArgs.builder().specifiedAmount(BudgetAmountSpecifiedAmountArgs.builder()
                        .currencyCode(BudgetSpec.CURRENCY).units(spec.units()).nanos(spec.nanos()).build()).build())
                .thresholdRules(spec.thresholds().stream().map(share -> BudgetThresholdRuleArgs.builder()
                        .thresholdPercent(share).spendBasis(BudgetSpec.SPEND_BASIS).build()).toList())
                .allUpdatesRule(BudgetAllUpdatesRuleArgs.builder()
                        .monitoringNotificationChannels(args.notificationChannels())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(args.apis()).build());
        registerOutputs(Map.of("budgetName", budget.name()));
    }
}
