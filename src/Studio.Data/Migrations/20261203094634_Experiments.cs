using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Studio.Data.Migrations
{
    /// <summary>
    /// Experiments define any number of metrics. Every stored mapping's old conversion/revenue column pair becomes a
    /// <c>metrics</c> list (conversion as a primary proportion, revenue as a primary mean), so existing experiments keep
    /// their readouts. No table changes: the mapping is JSON owned by the analysis layer.
    /// </summary>
    public partial class Experiments : Migration
    {
        private static string Metric(string member, string kind) =>
            $"json_object('column', json_extract(MappingJson, '$.{member}'), 'kind', '{kind}', 'role', 'Primary', 'denominator', NULL, 'spread', NULL, 'spreadKind', 'StandardDeviation')";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            var conversion = Metric("converted", "Proportion");
            var revenue = Metric("revenue", "Mean");
            migrationBuilder.Sql($"""
                UPDATE Experiments SET MappingJson = json_remove(json_set(MappingJson, '$.metrics', json(CASE
                    WHEN json_extract(MappingJson, '$.converted') IS NOT NULL AND json_extract(MappingJson, '$.revenue') IS NOT NULL THEN json_array(json({conversion}), json({revenue}))
                    WHEN json_extract(MappingJson, '$.converted') IS NOT NULL THEN json_array(json({conversion}))
                    WHEN json_extract(MappingJson, '$.revenue') IS NOT NULL THEN json_array(json({revenue}))
                    ELSE json_array() END)), '$.converted', '$.revenue')
                WHERE json_type(MappingJson, '$.metrics') IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to the pair: the first proportion metric is the conversion, the first mean the revenue; other metrics are dropped.
            migrationBuilder.Sql("""
                UPDATE Experiments SET MappingJson = json_remove(json_set(MappingJson,
                    '$.converted', (SELECT json_extract(value, '$.column') FROM json_each(MappingJson, '$.metrics') WHERE json_extract(value, '$.kind') = 'Proportion' LIMIT 1),
                    '$.revenue', (SELECT json_extract(value, '$.column') FROM json_each(MappingJson, '$.metrics') WHERE json_extract(value, '$.kind') = 'Mean' LIMIT 1)),
                    '$.metrics', '$.shape', '$.units', '$.day')
                WHERE json_type(MappingJson, '$.metrics') IS NOT NULL;
                """);
        }
    }
}
