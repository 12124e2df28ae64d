using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Studio.Data.Datasets;
using Studio.Data.Experiments;
using Studio.Data.Workspaces;

namespace Studio.Data.IntegrationTests.Experiments;

/// <summary>The "Experiments" migration turns a stored conversion/revenue mapping into a metrics list.</summary>
public sealed class ExperimentsMigrationTests
{
    private const string PreviousMigration = "20261128042112_ProjectionResults";

    [Fact]
    public async Task Migrate_OldConversionRevenueMapping_BecomesTwoNamedPrimaryMetrics()
    {
        await using var store = await TempStore.CreateAsync();
        await using (var context = await store.Contexts.CreateDbContextAsync())
        {
            await context.Database.GetService<IMigrator>().MigrateAsync(PreviousMigration);
        }

        var oldMapping = """{"unitId":"customer_id","variant":"variant","assignedAt":"assigned_at","converted":"bought","revenue":"spend","preCovariate":null,"segments":[],"experimentColumn":null,"experimentValue":null}""";
        var revenueOnly = """{"unitId":"u","variant":"v","assignedAt":"t","converted":null,"revenue":"spend","preCovariate":null,"segments":[],"experimentColumn":null,"experimentValue":null}""";
        int both, single;
        await using (var context = await store.Contexts.CreateDbContextAsync())
        {
            var workspace = new Workspace { Name = "W", CreatedAt = DateTimeOffset.UnixEpoch };
            context.Workspaces.Add(workspace);
            await context.SaveChangesAsync();
            var dataset = new Dataset { Name = "log", WorkspaceId = workspace.Id, TableName = DatasetTableStore.NewTableName(), CreatedAt = DateTimeOffset.UnixEpoch };
            context.Datasets.Add(dataset);
            await context.SaveChangesAsync();
            ExperimentDefinition Old(string mapping) => new()
            {
                WorkspaceId = workspace.Id, Name = "old", DatasetId = dataset.Id, DatasetVersion = 1, MappingJson = mapping, ControlVariant = "control", SpecOptionsJson = "{}",
            };
            var a = Old(oldMapping);
            var b = Old(revenueOnly);
            context.ExperimentDefinitions.AddRange(a, b);
            await context.SaveChangesAsync();
            (both, single) = (a.Id, b.Id);
        }

        await store.InitializeAsync();

        await using (var context = await store.Contexts.CreateDbContextAsync())
        {
            var migrated = JsonDocument.Parse((await context.ExperimentDefinitions.SingleAsync(e => e.Id == both)).MappingJson).RootElement;
            Assert.False(migrated.TryGetProperty("converted", out _));
            Assert.False(migrated.TryGetProperty("revenue", out _));
            Assert.Equal("customer_id", migrated.GetProperty("unitId").GetString());
            var metrics = migrated.GetProperty("metrics").EnumerateArray().ToList();
            Assert.Equal(2, metrics.Count);
            Assert.Equal(("bought", "Proportion", "Primary"), (metrics[0].GetProperty("column").GetString(), metrics[0].GetProperty("kind").GetString(), metrics[0].GetProperty("role").GetString()));
            Assert.Equal(("spend", "Mean", "Primary"), (metrics[1].GetProperty("column").GetString(), metrics[1].GetProperty("kind").GetString(), metrics[1].GetProperty("role").GetString()));

            var revenue = JsonDocument.Parse((await context.ExperimentDefinitions.SingleAsync(e => e.Id == single)).MappingJson).RootElement;
            var only = Assert.Single(revenue.GetProperty("metrics").EnumerateArray().ToList());
            Assert.Equal("spend", only.GetProperty("column").GetString());
        }
    }
}
