"""ghostdesk.local.cfn evaluates templates the way CloudFormation and SAM do, or refuses clearly."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest

from ghostdesk.local.cfn import (
    PhysicalResource,
    Resolver,
    Template,
    TemplateError,
    UnresolvedReferenceError,
    load_template_body,
    references,
    resolve_parameters,
)

SOURCE = textwrap.dedent(
    """\
    Transform: AWS::Serverless-2016-10-31
    Parameters:
      Sender: {Type: String, AllowedPattern: "^[^@]+@[^@]+$", ConstraintDescription: an email address}
      Recipients: {Type: CommaDelimitedList, Default: "a.example,b.example"}
      Days: {Type: Number, Default: 7, MinValue: 1, MaxValue: 21}
      Stage: {Type: String, Default: prod, AllowedValues: [prod, dev]}
    Mappings:
      Sizes: {prod: {Memory: 1024}, dev: {Memory: 256}}
    Conditions:
      IsProd: !Equals [!Ref Stage, prod]
      IsDev: !Not [!Condition IsProd]
    Globals:
      Function:
        Timeout: 10
        Layers: [!Ref SharedLayer]
        Environment:
          Variables: {SHARED: "yes", OVERRIDDEN: global}
    Resources:
      Queue:
        Type: AWS::SQS::Queue
      DevOnly:
        Type: AWS::SQS::Queue
        Condition: IsDev
      SharedLayer:
        Type: AWS::Serverless::LayerVersion
      Worker:
        Type: AWS::Serverless::Function
        DependsOn: DevOnly
        Properties:
          Timeout: 30
          Layers: [!Ref OwnLayer]
          Environment:
            Variables:
              OVERRIDDEN: own
              QUEUE: !GetAtt Queue.Arn
      OwnLayer:
        Type: AWS::Serverless::LayerVersion
    """
)


@pytest.fixture
def template(tmp_path: Path) -> Template:
    path = tmp_path / "template.yaml"
    path.write_text(SOURCE)
    return Template.load(path)


@pytest.fixture
def resolver(template: Template) -> Resolver:
    parameters = resolve_parameters(template, {"Sender": "care@shop.example"})
    stack = Resolver(template, parameters, region="eu-west-1", account_id="111122223333", stack_name="gd")
    stack.resources["Queue"] = PhysicalResource(
        ref="https://sqs/q", attributes={"Arn": "arn:aws:sqs:eu-west-1:111122223333:q"}
    )
    return stack


def test_short_tags_load_as_their_long_forms() -> None:
    body = load_template_body(
        "Resources:\n  X:\n    Type: T\n    Properties:\n"
        "      A: !Ref P\n      B: !GetAtt R.Arn\n      C: !Sub '${R}'\n"
        "      D: !Select [0, !Split [',', 'a,b']]\n      E: !Base64 hi\n      F: !ImportValue shared\n"
    )
    assert body["Resources"]["X"]["Properties"] == {
        "A": {"Ref": "P"},
        "B": {"Fn::GetAtt": ["R", "Arn"]},
        "C": {"Fn::Sub": "${R}"},
        "D": {"Fn::Select": [0, {"Fn::Split": [",", "a,b"]}]},
        "E": {"Fn::Base64": "hi"},
        "F": {"Fn::ImportValue": "shared"},
    }


def test_a_document_without_resources_is_not_a_template() -> None:
    with pytest.raises(TemplateError, match="Resources"):
        load_template_body("Parameters: {}\n")


def test_sam_globals_merge_like_sam_does(template: Template) -> None:
    props = template.properties("Worker")
    assert props["Timeout"] == 30  # the function's own value wins
    assert props["Layers"] == [{"Ref": "SharedLayer"}, {"Ref": "OwnLayer"}]  # lists: globals first
    assert props["Environment"]["Variables"] == {
        "SHARED": "yes",
        "OVERRIDDEN": "own",
        "QUEUE": {"Fn::GetAtt": ["Queue", "Arn"]},
    }


def test_resources_are_ordered_after_what_they_refer_to(template: Template) -> None:
    order = template.creation_order()
    for before in ("Queue", "SharedLayer", "OwnLayer", "DevOnly"):
        assert order.index(before) < order.index("Worker")


def test_a_dependency_cycle_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text("Resources:\n  A: {Type: T, DependsOn: B}\n  B: {Type: T, DependsOn: A}\n")
    with pytest.raises(TemplateError, match="circular"):
        Template.load(path).creation_order()


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ({"Fn::Sub": "${AWS::StackName}-${AWS::Region}-${Stage}"}, "gd-eu-west-1-prod"),
        ({"Fn::Sub": "${Queue.Arn}/x"}, "arn:aws:sqs:eu-west-1:111122223333:q/x"),
        ({"Fn::Sub": "${!Literal} ${Queue}"}, "${Literal} https://sqs/q"),
        (
            {
                "Fn::Sub": [
                    "${Domain}",
                    {"Domain": {"Fn::Select": [1, {"Fn::Split": ["@", {"Ref": "Sender"}]}]}},
                ]
            },
            "shop.example",
        ),
        ({"Ref": "Recipients"}, ["a.example", "b.example"]),
        ({"Ref": "Days"}, "7"),
        ({"Fn::Join": ["-", ["a", {"Ref": "AWS::AccountId"}]]}, "a-111122223333"),
        ({"Fn::If": ["IsProd", "big", "small"]}, "big"),
        ({"Fn::FindInMap": ["Sizes", {"Ref": "Stage"}, "Memory"]}, 1024),
        ({"Fn::Base64": "hi"}, "aGk="),
        ({"Fn::ToJsonString": {"a": [1]}}, '{"a":[1]}'),
        ({"Fn::Length": [1, 2, 3]}, 3),
        ({"Ref": "AWS::Partition"}, "aws"),
    ],
)
def test_intrinsic_functions_evaluate_like_cloudformation(
    resolver: Resolver, expression: Any, expected: Any
) -> None:
    assert resolver.resolve(expression) == expected


def test_no_value_removes_the_key_or_list_item(resolver: Resolver) -> None:
    value = {
        "Keep": 1,
        "Drop": {"Fn::If": ["IsDev", "x", {"Ref": "AWS::NoValue"}]},
        "List": ["a", {"Fn::If": ["IsProd", {"Ref": "AWS::NoValue"}, "b"]}],
    }
    assert resolver.resolve(value) == {"Keep": 1, "List": ["a"]}


def test_conditions_switch_resources_off(resolver: Resolver) -> None:
    assert resolver.is_enabled("Queue") is True
    assert resolver.is_enabled("DevOnly") is False
    with pytest.raises(UnresolvedReferenceError, match="switched off"):
        resolver.resolve({"Ref": "DevOnly"})


def test_references_to_what_does_not_exist_locally_are_named(resolver: Resolver) -> None:
    with pytest.raises(UnresolvedReferenceError, match="SharedLayer"):
        resolver.resolve({"Ref": "SharedLayer"})
    with pytest.raises(UnresolvedReferenceError, match=r"Queue\.QueueName"):
        resolver.resolve({"Fn::GetAtt": ["Queue", "QueueName"]})
    with pytest.raises(UnresolvedReferenceError, match="Nope"):
        resolver.resolve({"Fn::Sub": "${Nope}"})
    with pytest.raises(UnresolvedReferenceError, match="shared"):
        resolver.resolve({"Fn::ImportValue": "shared"})


def test_references_lists_every_name_an_expression_uses() -> None:
    sub = {"Fn::Sub": ["${A}-${B.Arn}-${!C}-${Var}", {"Var": {"Ref": "D"}}]}
    assert set(references(sub)) == {"A", "B", "D"}  # not C (escaped), not Var (a local variable)
    assert set(references({"k": [{"Fn::GetAtt": "E.Arn"}, {"Ref": "F"}]})) == {"E", "F"}


def test_parameters_take_overrides_then_defaults_then_fallbacks(template: Template) -> None:
    values = resolve_parameters(template, {"Stage": "dev"}, {"Sender": "ops@shop.example"})
    assert values == {
        "Sender": "ops@shop.example",
        "Recipients": "a.example,b.example",
        "Days": "7",
        "Stage": "dev",
    }


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({}, "Sender has no default"),
        ({"Sender": "nope"}, "an email address"),
        ({"Sender": "a@b", "Days": "22"}, "at most 21"),
        ({"Sender": "a@b", "Days": "many"}, "must be a number"),
        ({"Sender": "a@b", "Stage": "test"}, "one of prod, dev"),
        ({"Sender": "a@b", "Stag": "dev"}, "unknown template parameter"),
    ],
)
def test_parameter_values_are_checked_against_their_constraints(
    template: Template, overrides: dict[str, str], message: str
) -> None:
    with pytest.raises(TemplateError, match=message):
        resolve_parameters(template, overrides)
