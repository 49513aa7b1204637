namespace Simulator.Load.Scheduling;

/// <summary>A closed model with a fixed number of virtual users, all active from the start (see <see cref="ClosedLoadModel"/>).</summary>
/// <param name="Users">The number of users; at least 1.</param>
public sealed record ConstantConcurrency(int Users) : ClosedLoadModel
{
    /// <inheritdoc />
    public override int MaxUsers => Math.Max(0, Users);

    /// <inheritdoc />
    public override int UsersAt(TimeSpan offset) => MaxUsers;

    /// <inheritdoc />
    public override IReadOnlyList<UserSpan> ActiveSpans(int user)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(user);
        return user < Users ? [new UserSpan(TimeSpan.Zero, null)] : [];
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> Validate()
    {
        var errors = ValidateThinkTime().ToList();
        if (Users < 1)
        {
            errors.Insert(0, $"concurrency must be at least 1 user (was {Users})");
        }

        return errors;
    }

    /// <inheritdoc />
    public override string Describe() => $"constant-concurrency {Users} users{DescribeThinkTime()}";
}
