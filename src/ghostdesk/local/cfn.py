"""Read ``template.yaml`` and evaluate its intrinsic functions against local values.

The local stack builds its infrastructure from the same SAM template that deploys to AWS, so this
module understands just enough CloudFormation to do that: the YAML short forms (``!Ref``, ``!Sub``,
...), parameters with their constraints, pseudo parameters, conditions, SAM ``Globals`` and the
intrinsic functions, resolved against the physical ids of resources as they are created.

It is deliberately strict: a reference to something that does not exist locally raises
:class:`UnresolvedReferenceError` naming it, instead of quietly producing a wrong name.
"""

from __future__ import annotations

import base64
import copy
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from graphlib import CycleError, TopologicalSorter
from pathlib import Path
from typing import Any

import yaml

NO_VALUE: Any = object()
"""What ``!Ref AWS::NoValue`` evaluates to: the enclosing key or list item is dropped."""

# SAM resource types and the ``Globals`` section that applies to each.
_GLOBALS_SECTION = {
    "AWS::Serverless::Function": "Function",
    "AWS::Serverless::Api": "Api",
    "AWS::Serverless::HttpApi": "HttpApi",
    "AWS::Serverless::SimpleTable": "SimpleTable",
    "AWS::Serverless::StateMachine": "StateMachine",
    "AWS::Serverless::LayerVersion": "LayerVersion",
}

_SUB_VARIABLE = re.compile(r"\$\{([^}]*)\}")


class TemplateError(ValueError):
    """The template (or a parameter value given for it) is malformed or cannot be evaluated locally."""


class UnresolvedReferenceError(TemplateError):
    """A reference names a resource or attribute the local stack has no value for."""


# ---------------------------------------------------------------------------------------------- YAML


# libyaml's loader when PyYAML was built with it: ten times faster on a template of this size.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _TemplateLoader(_SafeLoader):  # type: ignore[valid-type,misc]
    """A safe loader that turns CloudFormation's short tags into their long, JSON-shaped form."""


def _construct_node(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node, deep=True)
    raise TemplateError(f"unsupported YAML node {node!r}")  # pragma: no cover - yaml has no other kinds


def _construct_intrinsic(loader: yaml.SafeLoader, tag_suffix: str, node: yaml.Node) -> Any:
    value = _construct_node(loader, node)
    if tag_suffix == "Ref":
        return {"Ref": value}
    if tag_suffix == "Condition":
        return {"Condition": value}
    if tag_suffix == "GetAtt" and isinstance(value, str):
        resource, _, attribute = value.partition(".")
        return {"Fn::GetAtt": [resource, attribute]}
    return {f"Fn::{tag_suffix}": value}


_TemplateLoader.add_multi_constructor("!", _construct_intrinsic)


def load_template_body(text: str) -> dict[str, Any]:
    """Parse template YAML (or JSON) into plain dicts and lists, short tags expanded."""
    body = yaml.load(text, Loader=_TemplateLoader)  # noqa: S506 - a SafeLoader subclass
    if not isinstance(body, dict) or not isinstance(body.get("Resources"), dict):
        raise TemplateError("not a CloudFormation template: no Resources section")
    return body


# ----------------------------------------------------------------------------------------- template


@dataclass(frozen=True)
class Template:
    """A parsed template: its sections, and each resource's properties with SAM Globals applied."""

    path: Path
    body: dict[str, Any]

    @classmethod
    def load(cls, path: Path) -> Template:
        path = Path(path).resolve()
        return cls(path=path, body=load_template_body(path.read_text(encoding="utf-8")))

    @property
    def base_dir(self) -> Path:
        """The directory relative paths (CodeUri, ContentUri) are resolved against."""
        return self.path.parent

    @property
    def parameters(self) -> dict[str, dict[str, Any]]:
        return dict(self.body.get("Parameters") or {})

    @property
    def conditions(self) -> dict[str, Any]:
        return dict(self.body.get("Conditions") or {})

    @property
    def mappings(self) -> dict[str, Any]:
        return dict(self.body.get("Mappings") or {})

    @property
    def resources(self) -> dict[str, dict[str, Any]]:
        return dict(self.body["Resources"])

    @property
    def outputs(self) -> dict[str, dict[str, Any]]:
        return dict(self.body.get("Outputs") or {})

    def resource_type(self, logical_id: str) -> str:
        return str(self._resource(logical_id).get("Type", ""))

    def resources_of_type(self, resource_type: str) -> dict[str, dict[str, Any]]:
        return {name: res for name, res in self.resources.items() if res.get("Type") == resource_type}

    def properties(self, logical_id: str) -> dict[str, Any]:
        """The resource's properties, unresolved, with the matching SAM ``Globals`` merged in.

        SAM's rules: a key set on the resource wins over the global one, maps merge key by key, and
        lists are concatenated with the global entries first.
        """
        resource = self._resource(logical_id)
        own = copy.deepcopy(resource.get("Properties") or {})
        section = _GLOBALS_SECTION.get(str(resource.get("Type")))
        if section is None:
            return dict(own)
        global_props = (self.body.get("Globals") or {}).get(section) or {}
        return dict(_merge_globals(copy.deepcopy(global_props), own))

    def dependencies(self, logical_id: str) -> set[str]:
        """Logical ids this resource refers to (Ref, GetAtt, Sub) or names in DependsOn."""
        resource = self._resource(logical_id)
        found = set(references(self.properties(logical_id)))
        depends_on = resource.get("DependsOn") or []
        found.update([depends_on] if isinstance(depends_on, str) else depends_on)
        return {name for name in found if name in self.body["Resources"] and name != logical_id}

    def creation_order(self) -> list[str]:
        """Every resource, each after the resources it depends on."""
        sorter: TopologicalSorter[str] = TopologicalSorter()
        for name in self.resources:
            sorter.add(name, *sorted(self.dependencies(name)))
        try:
            return list(sorter.static_order())
        except CycleError as exc:
            raise TemplateError(f"circular dependency between resources: {exc.args[1]}") from exc

    def _resource(self, logical_id: str) -> dict[str, Any]:
        try:
            resource = self.body["Resources"][logical_id]
        except KeyError:
            raise TemplateError(f"no resource {logical_id!r} in {self.path.name}") from None
        if not isinstance(resource, dict):
            raise TemplateError(f"resource {logical_id!r} is not a mapping")
        return resource


def _merge_globals(global_value: Any, own_value: Any) -> Any:
    if isinstance(global_value, dict) and isinstance(own_value, dict) and not _is_intrinsic(own_value):
        merged = dict(global_value)
        for key, value in own_value.items():
            merged[key] = _merge_globals(global_value[key], value) if key in global_value else value
        return merged
    if isinstance(global_value, list) and isinstance(own_value, list):
        return global_value + own_value
    return own_value


def _is_intrinsic(value: Any) -> bool:
    return isinstance(value, dict) and len(value) == 1 and next(iter(value)) in _INTRINSIC_KEYS


def references(value: Any) -> Iterator[str]:
    """Names referred to anywhere inside ``value`` (parameters and pseudo parameters included)."""
    if isinstance(value, list):
        for item in value:
            yield from references(item)
        return
    if not isinstance(value, dict):
        return
    if "Ref" in value and len(value) == 1 and isinstance(value["Ref"], str):
        yield value["Ref"]
        return
    if "Fn::GetAtt" in value and len(value) == 1:
        target = value["Fn::GetAtt"]
        if isinstance(target, list) and target and isinstance(target[0], str):
            yield target[0]
            yield from references(target[1:])
        elif isinstance(target, str):
            yield target.partition(".")[0]
        return
    if "Fn::Sub" in value and len(value) == 1:
        spec = value["Fn::Sub"]
        text, variables = (spec[0], spec[1]) if isinstance(spec, list) else (spec, {})
        if isinstance(text, str):
            for name in _SUB_VARIABLE.findall(text):
                if not name.startswith("!") and name not in variables:
                    yield name.partition(".")[0]
        yield from references(variables)
        return
    for item in value.values():
        yield from references(item)


# --------------------------------------------------------------------------------------- parameters


def resolve_parameters(
    template: Template,
    overrides: Mapping[str, str],
    fallbacks: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """Each template parameter's value: an override, else its Default, else a fallback.

    Values are checked against the parameter's constraints as CloudFormation would check them, so a
    value the local stack accepts is one a deploy accepts too.
    """
    declared = template.parameters
    unknown = sorted(set(overrides) - set(declared))
    if unknown:
        raise TemplateError(f"unknown template parameter(s): {', '.join(unknown)}")
    values: dict[str, str] = {}
    for name, spec in declared.items():
        if name in overrides:
            raw: Any = overrides[name]
        elif "Default" in spec:
            raw = spec["Default"]
        elif fallbacks and name in fallbacks:
            raw = fallbacks[name]
        else:
            raise TemplateError(f"template parameter {name} has no default: give it a value")
        value = _parameter_text(raw)
        _check_parameter(name, spec, value)
        values[name] = value
    return values


def _parameter_text(raw: Any) -> str:
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, list):
        return ",".join(str(item) for item in raw)
    return str(raw)


def _is_list_type(spec: Mapping[str, Any]) -> bool:
    kind = str(spec.get("Type", "String"))
    return kind == "CommaDelimitedList" or kind.startswith("List<")


def _check_parameter(name: str, spec: Mapping[str, Any], value: str) -> None:
    items = [item.strip() for item in value.split(",")] if _is_list_type(spec) else [value]
    hint = spec.get("ConstraintDescription")
    for item in items:
        problem = _parameter_problem(spec, item)
        if problem:
            raise TemplateError(f"parameter {name}={item!r}: {hint or problem}")


def _parameter_problem(spec: Mapping[str, Any], item: str) -> str | None:
    allowed = spec.get("AllowedValues")
    if allowed is not None and item not in [_parameter_text(a) for a in allowed]:
        return f"must be one of {', '.join(_parameter_text(a) for a in allowed)}"
    pattern = spec.get("AllowedPattern")
    if pattern is not None and re.fullmatch(str(pattern), item) is None:
        return f"must match {pattern}"
    if "MinLength" in spec and len(item) < int(spec["MinLength"]):
        return f"must be at least {spec['MinLength']} characters"
    if "MaxLength" in spec and len(item) > int(spec["MaxLength"]):
        return f"must be at most {spec['MaxLength']} characters"
    if str(spec.get("Type", "String")) in {"Number", "List<Number>"}:
        try:
            number = float(item)
        except ValueError:
            return "must be a number"
        if "MinValue" in spec and number < float(spec["MinValue"]):
            return f"must be at least {spec['MinValue']}"
        if "MaxValue" in spec and number > float(spec["MaxValue"]):
            return f"must be at most {spec['MaxValue']}"
    return None


# ----------------------------------------------------------------------------------------- resolver


@dataclass
class PhysicalResource:
    """What ``Ref`` and ``GetAtt`` return for a resource that exists locally."""

    ref: Any
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass
class Resolver:
    """Evaluates intrinsic functions with parameter values, pseudo parameters and known resources.

    ``resources`` is filled in as resources are created; resolving a reference to one that is not
    there yet (or is never created locally) raises :class:`UnresolvedReferenceError`.
    """

    template: Template
    parameters: Mapping[str, str]
    region: str
    account_id: str
    stack_name: str
    partition: str = "aws"
    url_suffix: str = "amazonaws.com"
    imports: Mapping[str, Any] = field(default_factory=dict)
    resources: dict[str, PhysicalResource] = field(default_factory=dict)
    _conditions: dict[str, bool] = field(default_factory=dict)

    # -- public ----------------------------------------------------------------------------------

    def resolve(self, value: Any) -> Any:
        """``value`` with every intrinsic function evaluated and ``AWS::NoValue`` entries dropped."""
        if isinstance(value, list):
            items = [self.resolve(item) for item in value]
            return [item for item in items if item is not NO_VALUE]
        if isinstance(value, dict):
            if len(value) == 1:
                key = next(iter(value))
                handler = _INTRINSICS.get(key)
                if handler is not None:
                    return handler(self, value[key])
            resolved = {key: self.resolve(item) for key, item in value.items()}
            return {key: item for key, item in resolved.items() if item is not NO_VALUE}
        return value

    def condition(self, name: str) -> bool:
        """The value of a named condition from the Conditions section (evaluated once)."""
        if name not in self._conditions:
            spec = self.template.conditions.get(name)
            if spec is None:
                raise TemplateError(f"no condition {name!r} in the template")
            self._conditions[name] = self._truth(spec)
        return self._conditions[name]

    def is_enabled(self, logical_id: str) -> bool:
        """Whether the resource exists under the current parameters (its Condition holds)."""
        name = self.template.resources[logical_id].get("Condition")
        return True if name is None else self.condition(str(name))

    def pseudo_parameters(self) -> dict[str, Any]:
        return {
            "AWS::Region": self.region,
            "AWS::AccountId": self.account_id,
            "AWS::Partition": self.partition,
            "AWS::URLSuffix": self.url_suffix,
            "AWS::StackName": self.stack_name,
            "AWS::StackId": (
                f"arn:{self.partition}:cloudformation:{self.region}:{self.account_id}:"
                f"stack/{self.stack_name}/00000000-0000-0000-0000-000000000000"
            ),
            "AWS::NotificationARNs": [],
            "AWS::NoValue": NO_VALUE,
        }

    # -- intrinsics -------------------------------------------------------------------------------

    def _ref(self, name: Any) -> Any:
        if not isinstance(name, str):
            raise TemplateError(f"Ref needs a name, got {name!r}")
        pseudo = self.pseudo_parameters()
        if name in pseudo:
            return pseudo[name]
        if name in self.parameters:
            value = self.parameters[name]
            spec = self.template.parameters[name]
            return [item.strip() for item in value.split(",")] if _is_list_type(spec) else value
        return self._physical(name).ref

    def _get_att(self, spec: Any) -> Any:
        if isinstance(spec, str):
            spec = list(spec.partition(".")[::2])
        if not (isinstance(spec, list) and len(spec) == 2):
            raise TemplateError(f"Fn::GetAtt needs [resource, attribute], got {spec!r}")
        name, attribute = spec[0], self.resolve(spec[1])
        physical = self._physical(str(name))
        if attribute not in physical.attributes:
            raise UnresolvedReferenceError(
                f"{name}.{attribute} is not known locally (the local stack knows "
                f"{', '.join(sorted(physical.attributes)) or 'no attributes'} of {name})"
            )
        return physical.attributes[attribute]

    def _sub(self, spec: Any) -> str:
        if isinstance(spec, list):
            if len(spec) != 2 or not isinstance(spec[1], dict):
                raise TemplateError(f"Fn::Sub needs a string or [string, variables], got {spec!r}")
            text, variables = spec[0], {key: self.resolve(val) for key, val in spec[1].items()}
        else:
            text, variables = spec, {}
        if not isinstance(text, str):
            raise TemplateError(f"Fn::Sub needs a string, got {text!r}")

        def substitute(match: re.Match[str]) -> str:
            name = match.group(1)
            if name.startswith("!"):
                return "${" + name[1:] + "}"
            if name in variables:
                value = variables[name]
            elif "." in name and name not in self.pseudo_parameters():
                value = self._get_att(name.split(".", 1))
            else:
                value = self._ref(name)
            if isinstance(value, list | dict) or value is NO_VALUE:
                raise TemplateError(f"Fn::Sub variable ${{{name}}} is not a string: {value!r}")
            return str(value)

        return _SUB_VARIABLE.sub(substitute, text)

    def _join(self, spec: Any) -> str:
        if not (isinstance(spec, list) and len(spec) == 2):
            raise TemplateError(f"Fn::Join needs [delimiter, list], got {spec!r}")
        delimiter, items = self.resolve(spec[0]), self.resolve(spec[1])
        if not isinstance(items, list):
            raise TemplateError(f"Fn::Join needs a list, got {items!r}")
        return str(delimiter).join(str(item) for item in items)

    def _select(self, spec: Any) -> Any:
        if not (isinstance(spec, list) and len(spec) == 2):
            raise TemplateError(f"Fn::Select needs [index, list], got {spec!r}")
        index, items = int(self.resolve(spec[0])), self.resolve(spec[1])
        if not isinstance(items, list) or not 0 <= index < len(items):
            raise TemplateError(f"Fn::Select index {index} is outside {items!r}")
        return items[index]

    def _split(self, spec: Any) -> list[str]:
        if not (isinstance(spec, list) and len(spec) == 2):
            raise TemplateError(f"Fn::Split needs [delimiter, string], got {spec!r}")
        delimiter, text = self.resolve(spec[0]), self.resolve(spec[1])
        return str(text).split(str(delimiter))

    def _if(self, spec: Any) -> Any:
        if not (isinstance(spec, list) and len(spec) == 3):
            raise TemplateError(f"Fn::If needs [condition, then, else], got {spec!r}")
        return self.resolve(spec[1] if self.condition(str(spec[0])) else spec[2])

    def _find_in_map(self, spec: Any) -> Any:
        if not (isinstance(spec, list) and len(spec) in (3, 4)):
            raise TemplateError(f"Fn::FindInMap needs [map, key, key], got {spec!r}")
        map_name, first, second = (self.resolve(part) for part in spec[:3])
        try:
            return self.template.mappings[map_name][first][second]
        except KeyError:
            if len(spec) == 4 and isinstance(spec[3], dict) and "DefaultValue" in spec[3]:
                return self.resolve(spec[3]["DefaultValue"])
            raise TemplateError(f"Fn::FindInMap: no {map_name}/{first}/{second}") from None

    def _base64(self, spec: Any) -> str:
        return base64.b64encode(str(self.resolve(spec)).encode()).decode()

    def _import_value(self, spec: Any) -> Any:
        name = self.resolve(spec)
        if name not in self.imports:
            raise UnresolvedReferenceError(f"Fn::ImportValue {name!r}: no such export is given locally")
        return self.imports[name]

    def _get_azs(self, spec: Any) -> list[str]:
        region = self.resolve(spec) or self.region
        return [f"{region}{zone}" for zone in "abc"]

    def _to_json_string(self, spec: Any) -> str:
        return json.dumps(self.resolve(spec), separators=(",", ":"))

    def _length(self, spec: Any) -> int:
        items = self.resolve(spec)
        if not isinstance(items, list):
            raise TemplateError(f"Fn::Length needs a list, got {items!r}")
        return len(items)

    # -- conditions -------------------------------------------------------------------------------

    def _truth(self, spec: Any) -> bool:
        if isinstance(spec, dict) and len(spec) == 1:
            key, args = next(iter(spec.items()))
            if key == "Condition":
                return self.condition(str(args))
            if key == "Fn::Equals":
                left, right = (self.resolve(arg) for arg in args)
                return _parameter_text(left) == _parameter_text(right)
            if key == "Fn::Not":
                return not self._truth(args[0])
            if key == "Fn::And":
                return all(self._truth(arg) for arg in args)
            if key == "Fn::Or":
                return any(self._truth(arg) for arg in args)
        value = self.resolve(spec)
        if isinstance(value, bool):
            return value
        raise TemplateError(f"not a condition: {spec!r}")

    def _physical(self, name: str) -> PhysicalResource:
        if name in self.resources:
            return self.resources[name]
        if name not in self.template.resources:
            raise UnresolvedReferenceError(f"{name!r} is neither a parameter nor a resource of the template")
        kind = self.template.resource_type(name)
        if not self.is_enabled(name):
            raise UnresolvedReferenceError(f"{name} ({kind}) is switched off by its Condition")
        raise UnresolvedReferenceError(f"{name} ({kind}) does not exist locally (not created, or not yet)")


def _truth_function(name: str) -> Any:
    def evaluate(resolver: Resolver, args: Any) -> bool:
        return resolver._truth({name: args})

    return evaluate


_INTRINSICS: dict[str, Any] = {
    "Ref": Resolver._ref,
    "Fn::GetAtt": Resolver._get_att,
    "Fn::Sub": Resolver._sub,
    "Fn::Join": Resolver._join,
    "Fn::Select": Resolver._select,
    "Fn::Split": Resolver._split,
    "Fn::If": Resolver._if,
    "Fn::FindInMap": Resolver._find_in_map,
    "Fn::Base64": Resolver._base64,
    "Fn::ImportValue": Resolver._import_value,
    "Fn::GetAZs": Resolver._get_azs,
    "Fn::ToJsonString": Resolver._to_json_string,
    "Fn::Length": Resolver._length,
    "Fn::Equals": _truth_function("Fn::Equals"),
    "Fn::Not": _truth_function("Fn::Not"),
    "Fn::And": _truth_function("Fn::And"),
    "Fn::Or": _truth_function("Fn::Or"),
}
_INTRINSIC_KEYS = frozenset(_INTRINSICS)
