namespace Simulator.Scenarios.Tests.Loading;

public class ScenarioLoaderTests
{
    [Fact]
    public void A_misspelt_key_gets_a_did_you_mean_hint_and_no_second_missing_key_error()
    {
        var error = Fixtures.SingleError("""
            name: x
            duraton: 60s
            workloads:
              - { name: order-import, region: eu, model: constant-rate, rate: 10/s }
            """);
        Assert.Equal((2, 1, "duraton"), (error.Line, error.Column, error.Field));
        Assert.Equal("unknown key `duraton`", error.Message);
        Assert.Equal("did you mean `duration`?", error.Hint);
    }

    [Fact]
    public void A_misspelt_model_setting_is_reported_once_not_also_as_missing()
    {
        var error = Fixtures.SingleError("""
            name: x
            duration: 60s
            workloads:
              - { name: order-import, region: eu, model: constant-rate, rat: 10/s }
            """);
        Assert.Equal(("workloads[0].rat", "did you mean `rate`?"), (error.Field, error.Hint));
    }

    [Fact]
    public void An_unknown_key_far_from_any_known_one_lists_the_known_keys()
    {
        var error = Fixtures.SingleError(Fixtures.Minimal + "\nowner: ops-team\n");
        Assert.Equal("unknown key `owner`", error.Message);
        Assert.Equal("known keys here: name, description, topology, duration, seed, network, database, workloads, faults, thresholds", error.Hint);
    }

    [Fact]
    public void The_database_key_takes_a_replication_mode_and_a_timing_and_lists_the_values_it_knows()
    {
        var good = Fixtures.Parse(Fixtures.Minimal + "\ndatabase: { replication: sync-strict, timing: fast }\n");
        Assert.True(good.Succeeded, string.Join(Environment.NewLine, good.Errors));
        Assert.Equal(new DatabaseSettings { Replication = "sync-strict", Timing = "fast" }, good.Scenario!.Database);
        Assert.Null(Fixtures.Parse(Fixtures.Minimal).Scenario!.Database);

        var bad = Fixtures.Parse(Fixtures.Minimal + "\ndatabase:\n  replication: synchronous\n  timing: 5s\n  ttl: 10s\n");
        Assert.Equal(
            [("database.replication", "unknown value `synchronous`", "one of async, sync, sync-strict"),
             ("database.timing", "unknown value `5s`", "one of default, fast"),
             ("database.ttl", "unknown key `ttl`", "known keys here: replication, timing")],
            bad.Errors.Select(e => (e.Field, e.Message, e.Hint)).OrderBy(e => e.Field));
        Assert.All(bad.Errors, e => Assert.True(e.Line > 1));
    }

    [Fact]
    public void A_switchover_takes_a_region_or_any_and_no_for()
    {
        Assert.True(Fixtures.Parse(Fixtures.Minimal + "\nfaults:\n  - { at: 5s, switchover: any }\n").Succeeded);
        var result = Fixtures.Parse(Fixtures.Minimal + "\nfaults:\n  - { at: 5s, switchover: us, for: 5s }\n");
        Assert.Contains(result.Errors, e => e.Field.StartsWith("faults[0]", StringComparison.Ordinal) && e.Message.Contains("for", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_keys_are_found_at_every_level()
    {
        var result = Fixtures.Parse("""
            name: x
            duration: 60s
            network: { latency: { eu-us: 80ms }, jiter: 5ms }
            workloads:
              - name: w
                kind: order-import
                region: eu
                model: ramping-rate
                stages: [{ to: 5/s, ovr: 10s }]
            faults:
              - { at: 5s, kill: leader, fr: 10s }
            """);
        Assert.Equal(
            [("network.jiter", "did you mean `jitter`?"), ("workloads[0].stages[0].ovr", "did you mean `over`?"), ("faults[0].fr", "did you mean `for`?")],
            result.Errors.Select(e => (e.Field, e.Hint)));
    }

    [Fact]
    public void Missing_required_keys_point_at_the_mapping_that_should_hold_them()
    {
        var result = Fixtures.Parse("""
            description: no name, no duration
            workloads:
              - { name: order-import, model: constant-rate, rate: 10/s }
              - name: order-import
                region: us
                model: constant-rate
            """);
        Assert.Equal(
            [
                (1, 1, "name", "missing required key `name`"),
                (1, 1, "duration", "missing required key `duration`"),
                (3, 5, "workloads[0].region", "missing required key `region`"),
                (4, 5, "workloads[1].rate", "a constant-rate workload needs a rate"),
            ],
            result.Errors.Select(e => (e.Line, e.Column, e.Field, e.Message)));
        Assert.Equal("add e.g. rate: 20/s", result.Errors[3].Hint);
    }

    [Theory]
    [InlineData("name: x\nduration: 60s\nworkloads: [{ name: a, region: eu\n", 4, 1)]
    [InlineData("name: x\n  duration: 60s\n", 2, 11)]
    [InlineData("name: \"x\nduration: 60s\n", 1, 7)]
    [InlineData("name: x\nworkloads:\n  - a\n b: 1\n", 4, 2)]
    [InlineData("name: x\nduration: [60s\nworkloads: []\n", 3, 1)]
    public void Malformed_yaml_is_one_error_at_the_parser_position(string yaml, int line, int column)
    {
        var error = Fixtures.SingleError(yaml);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Equal(string.Empty, error.Field);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.StartsWith($"test.yaml:{line}:{column}: ", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("---\n")]
    public void An_empty_file_is_one_error(string yaml)
    {
        var error = Fixtures.SingleError(yaml);
        Assert.Equal("the file is empty", error.Message);
        Assert.Equal((1, 1), (error.Line, error.Column));
    }

    [Fact]
    public void A_file_that_is_not_a_mapping_is_one_error()
    {
        var error = Fixtures.SingleError("- name: x\n");
        Assert.Equal("a scenario is a mapping of keys such as name, duration and workloads, not a list", error.Message);
    }

    [Fact]
    public void A_second_document_is_an_error_at_its_start()
    {
        var error = Fixtures.SingleError(Fixtures.Minimal + "\n---\nname: y\n");
        Assert.Equal(5, error.Line);
        Assert.StartsWith("a scenario file holds one YAML document", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_given_twice_is_an_error_at_the_second()
    {
        var error = Fixtures.SingleError(Fixtures.Minimal + "\nduration: 2m\n");
        Assert.Equal((5, 1, "duration"), (error.Line, error.Column, error.Field));
        Assert.Equal("`duration` is set twice; the first is on line 2", error.Message);
    }

    [Fact]
    public void Anchors_and_aliases_are_resolved()
    {
        var result = Fixtures.Parse("""
            name: x
            duration: 60s
            workloads:
              - { name: order-import, region: eu, model: constant-rate, rate: &steady 10/s }
              - { name: order-import, region: us, model: constant-rate, rate: *steady }
            """);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal(result.Scenario.Workloads[0].Rate, result.Scenario.Workloads[1].Rate);
    }

    [Fact]
    public void An_alias_without_anchor_is_an_error_at_the_alias()
    {
        var error = Fixtures.SingleError("name: x\nduration: *missing\n");
        Assert.Equal((2, 11), (error.Line, error.Column));
        Assert.Contains("`*missing`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_does_not_exist_is_an_error_without_position()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "no-such-scenario.yaml");
        var result = ScenarioLoader.Load(path);
        var error = Assert.Single(result.Errors);
        Assert.Equal((0, 0), (error.Line, error.Column));
        Assert.Null(error.Location);
        Assert.Equal($"{path}: the file does not exist (check the path)", error.ToString());
    }

    [Fact]
    public void Values_of_the_wrong_shape_are_reported_with_what_was_expected()
    {
        var result = Fixtures.Parse("""
            name: x
            duration: [60s]
            seed: forty-two
            workloads:
              - { name: order-import, region: eu, model: constant-rate, rate: }
            thresholds: lost_writes == 0
            """);
        Assert.Equal(
            [
                ("duration", "expected a duration such as 30s, found a list"),
                ("seed", "`forty-two` is not a whole number"),
                ("workloads[0].rate", "no value given"),
                ("thresholds", "expected a list of thresholds, found a value"),
            ],
            result.Errors.Select(e => (e.Field, e.Message)));
    }

    [Fact]
    public void Every_value_kind_is_checked_for_its_unit()
    {
        var result = Fixtures.Parse("""
            name: x
            duration: 60
            network: { latency: { eu-us: 80 }, jitter: 5 }
            workloads:
              - name: order-import
                region: eu
                model: ramping-rate
                stages: [{ to: 40, over: 60 }]
                think_time: 1
                lines: 30..5
              - { name: back-office, kind: order-import, region: eu, model: constant-concurrency, concurrency: 5/s }
            faults:
              - { at: 10, kill: leader, for: 5 }
            """);
        Assert.Equal(
            [
                ("duration", "write a unit: 60s or 60ms"),
                ("network.latency.eu-us", "write a unit: 80s or 80ms"),
                ("network.jitter", "write a unit: 5s or 5ms"),
                ("workloads[0].stages[0].to", "write a unit: 40/s"),
                ("workloads[0].stages[0].over", "write a unit: 60s or 60ms"),
                ("workloads[0].think_time", "write a unit: 1s or 1ms"),
                ("workloads[0].lines", "write 5..30"),
                ("workloads[1].concurrency", "this is a count, not a rate: write a number of users such as 10"),
                ("faults[0].at", "write a unit: 10s or 10ms"),
                ("faults[0].for", "write a unit: 5s or 5ms"),
            ],
            result.Errors.Select(e => (e.Field, e.Hint)));
    }

    [Fact]
    public void Threshold_errors_point_at_the_offending_token_even_inside_quotes()
    {
        var result = Fixtures.Parse(Fixtures.Minimal + """

            thresholds:
              - order-import.p99 < 2000
              - "lost_writes = 0"
            """);
        Assert.Equal([(6, 24), (7, 18)], result.Errors.Select(e => (e.Line, e.Column)));
        Assert.Equal(["thresholds[0]", "thresholds[1]"], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void A_threshold_that_does_not_parse_does_not_shift_the_fields_of_the_next_ones()
    {
        var result = Fixtures.Parse(Fixtures.Minimal + """

            thresholds:
              - lost_writes = 0
              - order-imprt.p99 < 1s
            """);
        Assert.Equal(
            [(6, 17, "thresholds[0]"), (7, 5, "thresholds[1]")],
            result.Errors.Select(e => (e.Line, e.Column, e.Field)));
    }

    [Fact]
    public void An_inline_topology_has_the_keys_of_a_topology_file()
    {
        var result = Fixtures.Parse(Fixtures.Minimal + "\ntopology: { regions: [eu] }\n");

        Assert.Equal(
            [("topology.name", "missing required key `name`"), ("topology.regions[0]", "expected a region mapping, found a value")],
            result.Errors.Select(e => (e.Field, e.Message)));
    }

    [Fact]
    public void A_model_that_does_not_exist_lists_the_models()
    {
        var error = Fixtures.SingleError("""
            name: x
            duration: 60s
            workloads: [{ name: order-import, region: eu, model: constant, rate: 10/s }]
            """);
        Assert.Equal("unknown model `constant`", error.Message);
        Assert.Equal("use `constant-rate`, `ramping-rate`, `constant-concurrency` or `ramping-concurrency`", error.Hint);
    }

    [Fact]
    public void The_same_link_in_both_directions_is_an_error()
    {
        var error = Fixtures.SingleError(Fixtures.Minimal + "\nnetwork:\n  latency: { eu-us: 80ms, us-eu: 90ms }\n");
        Assert.Equal("network.latency.us-eu", error.Field);
        Assert.Equal("the link between us and eu is already set by `eu-us` on line 6", error.Message);
    }

    [Fact]
    public void A_fault_with_two_kinds_or_none_is_an_error()
    {
        var result = Fixtures.Parse(Fixtures.Minimal + """

            faults:
              - { at: 10s, kill: leader, pause: replica, for: 5s }
              - { at: 20s, for: 5s }
            """);
        Assert.Equal(
            [("faults[0].pause", "a fault has one kind, but both `kill` and `pause` are set"), ("faults[1]", "the fault has no kind")],
            result.Errors.Select(e => (e.Field, e.Message)));
    }

    [Fact]
    public void A_fault_extra_of_another_kind_says_which_kind_uses_it()
    {
        var error = Fixtures.SingleError(Fixtures.Minimal + "\nfaults: [{ at: 10s, partition: eu, for: 5s, delay: 100ms }]\n");
        Assert.Equal("faults[0].delay", error.Field);
        Assert.Equal("`delay` is used by latency faults, not by partition", error.Hint);
    }

    [Fact]
    public void Errors_come_in_file_order()
    {
        var result = Fixtures.Parse("""
            workloads:
              - { name: a, region: eu, model: constant-rate, rate: 0/s }
            name: x
            duration: 0s
            """);
        var lines = result.Errors.Select(e => e.Line).ToList();
        Assert.Equal(lines.Order(), lines);
        Assert.Equal(["workloads[0].kind", "workloads[0].rate", "duration"], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void A_successful_load_keeps_the_source_path_and_positions()
    {
        var result = ScenarioLoader.Parse(Fixtures.Minimal, "inline.yaml");
        Assert.True(result.Succeeded);
        Assert.Equal("inline.yaml", result.Scenario.SourcePath);
        Assert.Equal(new SourceLocation(4, 5), result.Scenario.Locations.Find("workloads[0]"));
        Assert.Equal(new SourceLocation(4, 5), result.Scenario.Locations.Find("workloads[0].think_time"));
    }
}
