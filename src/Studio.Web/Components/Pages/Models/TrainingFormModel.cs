using System.Globalization;
using Studio.Data.Datasets;
using Studio.Ml.Service;
using Studio.Ml.Training;

namespace Studio.Web.Components.Pages.Models;

/// <summary>
/// The editable state of the training form. <see cref="Build"/> turns it into an immutable <see cref="TrainingSpec"/>
/// and lists every reason it cannot run (the spec's own validation plus what only the form can get wrong).
/// </summary>
public sealed class TrainingFormModel
{
    public string Name { get; set; } = "";
    public string? Target { get; set; }
    public IReadOnlyCollection<string> Features { get; set; } = [];
    public Dictionary<string, FeatureKind> Kinds { get; } = new(StringComparer.Ordinal);
    public PredictionTask Task { get; set; } = PredictionTask.Binary;
    public ModelKind ModelKind { get; set; } = ModelKind.Mlp;
    public SplitKind SplitKind { get; set; } = SplitKind.Stratified;
    public double TrainRatio { get; set; } = 0.7;
    public double ValidationRatio { get; set; } = 0.15;
    public double TestRatio { get; set; } = 0.15;
    public string? TimeColumn { get; set; }
    public int Seed { get; set; } = 42;
    public WeightInit Init { get; set; } = WeightInit.Default;
    public OptimizerKind Optimizer { get; set; } = OptimizerKind.Adam;
    public double LearningRate { get; set; } = 0.003;
    public double WeightDecay { get; set; }
    public int BatchSize { get; set; } = 256;
    public int Epochs { get; set; } = 15;
    public bool EarlyStopping { get; set; } = true;
    public MonitorMetric StoppingMetric { get; set; } = MonitorMetric.ValidationLoss;
    public int Patience { get; set; } = 3;
    public double MinDelta { get; set; }
    public ClassWeightingMode ClassWeighting { get; set; } = ClassWeightingMode.None;
    public double PositiveWeight { get; set; } = 1;
    public string HiddenSizes { get; set; } = "64, 32";
    public ActivationKind Activation { get; set; } = ActivationKind.ReLU;
    public double Dropout { get; set; } = 0.1;
    public bool BatchNorm { get; set; }
    public int? EmbeddingDimension { get; set; } = 8;

    /// <summary>Defaults for a dataset: its suggested target, every usable column as a feature with its inferred kind.</summary>
    public static TrainingFormModel For(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var form = new TrainingFormModel { Target = ColumnKinds.SuggestTarget(dataset) };
        foreach (var column in dataset.Columns)
        {
            var kind = ColumnKinds.Infer(column);
            form.Kinds[column.Name] = kind == FeatureKind.Ignored ? FeatureKind.Categorical : kind;
        }
        form.Features = dataset.Columns.Where(c => ColumnKinds.Infer(c) != FeatureKind.Ignored && c.Name != form.Target)
            .OrderBy(c => c.Ordinal).Select(c => c.Name).ToList();
        form.Name = form.Target is null ? dataset.Name : $"{form.Target} on {dataset.Name}";
        return form;
    }

    public FeatureKind KindOf(string column) => Kinds.TryGetValue(column, out var kind) ? kind : FeatureKind.Categorical;

    public (TrainingSpec? Spec, IReadOnlyList<string> Problems) Build(Dataset? dataset)
    {
        var problems = new List<string>();
        if (dataset is null) problems.Add("Choose a dataset.");
        var hidden = ParseHidden(HiddenSizes, problems);
        var selected = Features.ToList();
        var spec = new TrainingSpec
        {
            TargetColumn = Target ?? "",
            CategoricalColumns = selected.Where(f => KindOf(f) == FeatureKind.Categorical).ToList(),
            NumericColumns = selected.Where(f => KindOf(f) == FeatureKind.Numeric).ToList(),
            Task = Task,
            Model = new ModelSpec { Kind = ModelKind, HiddenSizes = hidden, Activation = Activation, Dropout = Dropout, BatchNorm = BatchNorm, Init = Init },
            Embedding = new EmbeddingSpec { Dimension = EmbeddingDimension },
            Optimizer = new OptimizerSpec { Kind = Optimizer, LearningRate = LearningRate, WeightDecay = WeightDecay },
            BatchSize = BatchSize,
            Epochs = Epochs,
            EarlyStopping = EarlyStopping ? new EarlyStoppingSpec { Metric = StoppingMetric, Patience = Patience, MinDelta = MinDelta } : null,
            ClassWeighting = new ClassWeightingSpec { Mode = ClassWeighting, PositiveWeight = PositiveWeight },
            Split = new SplitSpec
            {
                Kind = SplitKind, TrainRatio = TrainRatio, ValidationRatio = ValidationRatio, TestRatio = TestRatio,
                TimeColumn = SplitKind == SplitKind.ByTime ? TimeColumn : null,
            },
            Seed = Seed,
        };
        var forcedCategorical = Kinds.Where(k => k.Value == FeatureKind.Categorical).Select(k => k.Key);
        problems.AddRange(spec.Validate(dataset is null ? null : ColumnKinds.SchemaOf(dataset, forcedCategorical)));
        return (problems.Count == 0 ? spec : null, problems);
    }

    private static List<int> ParseHidden(string text, List<string> problems)
    {
        var sizes = new List<int>();
        foreach (var part in (text ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(part, NumberStyles.Integer, CultureInfo.CurrentCulture, out var size)) sizes.Add(size);
            else problems.Add($"Hidden sizes: \"{part}\" is not a whole number (write e.g. 64, 32).");
        }
        return sizes;
    }
}
