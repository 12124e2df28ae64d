namespace Studio.Core.Jobs;

public enum JobKind
{
    Import,
    Training,
    Projection,
    Scoring,
    Analysis,
}
