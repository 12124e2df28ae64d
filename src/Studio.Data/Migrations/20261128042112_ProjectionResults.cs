using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Studio.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProjectionResults : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProjectionResults",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    TrainingRunId = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false),
                    SourceVersion = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RequestKey = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RequestJson = table.Column<string>(type: "TEXT", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Dimensions = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    JobId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EntityLabel = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DatasetId = table.Column<int>(type: "INTEGER", nullable: true),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceDimensions = table.Column<int>(type: "INTEGER", nullable: false),
                    QualityK = table.Column<int>(type: "INTEGER", nullable: true),
                    Trustworthiness = table.Column<double>(type: "REAL", nullable: true),
                    KnnRecall = table.Column<double>(type: "REAL", nullable: true),
                    ElapsedSeconds = table.Column<double>(type: "REAL", nullable: true),
                    FolderPath = table.Column<string>(type: "TEXT", nullable: true),
                    Error = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectionResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectionResults_TrainingRuns_TrainingRunId",
                        column: x => x.TrainingRunId,
                        principalTable: "TrainingRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectionResults_TrainingRunId_SourceKey_SourceVersion_RequestKey",
                table: "ProjectionResults",
                columns: new[] { "TrainingRunId", "SourceKey", "SourceVersion", "RequestKey" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectionResults_WorkspaceId",
                table: "ProjectionResults",
                column: "WorkspaceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProjectionResults");
        }
    }
}
