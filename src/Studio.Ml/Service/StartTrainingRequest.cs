using Studio.Ml.Training;

namespace Studio.Ml.Service;

/// <summary>What the form or the API asks for: train <see cref="Spec"/> on a dataset version of a workspace.</summary>
public sealed record StartTrainingRequest(int WorkspaceId, int DatasetId, string Name, TrainingSpec Spec);

/// <summary>The stored run and the job that trains it.</summary>
public sealed record StartedRun(int RunId, Guid JobId);
