using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Studio.Data.Migrations
{
    /// <inheritdoc />
    public partial class TrainingExperimentsShareLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Experiments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Question = table.Column<string>(type: "TEXT", nullable: true),
                    DatasetId = table.Column<int>(type: "INTEGER", nullable: false),
                    DatasetVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    MappingJson = table.Column<string>(type: "TEXT", nullable: false),
                    ControlVariant = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    IntendedSplitJson = table.Column<string>(type: "TEXT", nullable: true),
                    SpecOptionsJson = table.Column<string>(type: "TEXT", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Experiments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Experiments_Datasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "Datasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Experiments_Workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "Workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrainingRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JobId = table.Column<Guid>(type: "TEXT", nullable: true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    DatasetId = table.Column<int>(type: "INTEGER", nullable: false),
                    DatasetVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    DatasetName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SpecJson = table.Column<string>(type: "TEXT", nullable: false),
                    ModelKind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Task = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TargetColumn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Seed = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    TimingsJson = table.Column<string>(type: "TEXT", nullable: true),
                    BestEpoch = table.Column<int>(type: "INTEGER", nullable: true),
                    StoppedEarly = table.Column<bool>(type: "INTEGER", nullable: false),
                    TestMetricsJson = table.Column<string>(type: "TEXT", nullable: true),
                    Error = table.Column<string>(type: "TEXT", nullable: true),
                    CheckpointPath = table.Column<string>(type: "TEXT", nullable: true),
                    PredictionsPath = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ShareLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExperimentId = table.Column<int>(type: "INTEGER", nullable: false),
                    TokenHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShareLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ShareLinks_Experiments_ExperimentId",
                        column: x => x.ExperimentId,
                        principalTable: "Experiments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RegisteredModels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    RunId = table.Column<int>(type: "INTEGER", nullable: false),
                    DatasetId = table.Column<int>(type: "INTEGER", nullable: false),
                    DatasetVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    SpecJson = table.Column<string>(type: "TEXT", nullable: false),
                    MetricsJson = table.Column<string>(type: "TEXT", nullable: true),
                    CheckpointPath = table.Column<string>(type: "TEXT", nullable: false),
                    InUse = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegisteredModels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegisteredModels_TrainingRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "TrainingRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrainingEpochs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<int>(type: "INTEGER", nullable: false),
                    Epoch = table.Column<int>(type: "INTEGER", nullable: false),
                    TrainLoss = table.Column<double>(type: "REAL", nullable: false),
                    ValidationLoss = table.Column<double>(type: "REAL", nullable: false),
                    ValidationMetricsJson = table.Column<string>(type: "TEXT", nullable: false),
                    SamplesPerSecond = table.Column<double>(type: "REAL", nullable: false),
                    DurationSeconds = table.Column<double>(type: "REAL", nullable: false),
                    IsBest = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingEpochs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingEpochs_TrainingRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "TrainingRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ModelScoreSets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ModelId = table.Column<int>(type: "INTEGER", nullable: false),
                    DatasetId = table.Column<int>(type: "INTEGER", nullable: false),
                    JobId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FilePath = table.Column<string>(type: "TEXT", nullable: false),
                    RowCount = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelScoreSets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModelScoreSets_RegisteredModels_ModelId",
                        column: x => x.ModelId,
                        principalTable: "RegisteredModels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Experiments_DatasetId",
                table: "Experiments",
                column: "DatasetId");

            migrationBuilder.CreateIndex(
                name: "IX_Experiments_WorkspaceId_Name",
                table: "Experiments",
                columns: new[] { "WorkspaceId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_ModelScoreSets_ModelId",
                table: "ModelScoreSets",
                column: "ModelId");

            migrationBuilder.CreateIndex(
                name: "IX_RegisteredModels_RunId",
                table: "RegisteredModels",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_RegisteredModels_WorkspaceId_Name_Version",
                table: "RegisteredModels",
                columns: new[] { "WorkspaceId", "Name", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ShareLinks_ExperimentId",
                table: "ShareLinks",
                column: "ExperimentId");

            migrationBuilder.CreateIndex(
                name: "IX_ShareLinks_TokenHash",
                table: "ShareLinks",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingEpochs_RunId_Epoch",
                table: "TrainingEpochs",
                columns: new[] { "RunId", "Epoch" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingRuns_JobId",
                table: "TrainingRuns",
                column: "JobId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingRuns_WorkspaceId",
                table: "TrainingRuns",
                column: "WorkspaceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ModelScoreSets");

            migrationBuilder.DropTable(
                name: "ShareLinks");

            migrationBuilder.DropTable(
                name: "TrainingEpochs");

            migrationBuilder.DropTable(
                name: "RegisteredModels");

            migrationBuilder.DropTable(
                name: "Experiments");

            migrationBuilder.DropTable(
                name: "TrainingRuns");
        }
    }
}
