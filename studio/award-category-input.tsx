/**
 * The input for `awardCategory`: the innovation prize's categories as a list to pick from,
 * and «Annen pris…» for free text – the stored value is the category's value or that text.
 */
import { Select, Stack, TextInput } from '@sanity/ui';
import { useState, type ChangeEvent } from 'react';
import { set, unset, type StringInputProps } from 'sanity';
import { AWARD_CATEGORIES } from '../content-schemas/constants.ts';

const OTHER = '__other';

function isPresetCategory(value: string | undefined): boolean {
  return AWARD_CATEGORIES.some((category) => category.value === value);
}

/** A select with the prize categories, and a text field when the editor picks «Annen pris…». */
export function AwardCategoryInput(props: StringInputProps) {
  const { value, onChange, readOnly, elementProps } = props;
  const [otherChosen, setOtherChosen] = useState(value !== undefined && !isPresetCategory(value));
  const showText = otherChosen || (value !== undefined && !isPresetCategory(value));
  const selected = isPresetCategory(value) ? value : showText ? OTHER : '';

  const handleSelect = (event: ChangeEvent<HTMLSelectElement>) => {
    const choice = event.currentTarget.value;
    setOtherChosen(choice === OTHER);
    onChange(choice === '' || choice === OTHER ? unset() : set(choice));
  };
  const handleText = (event: ChangeEvent<HTMLInputElement>) => {
    const text = event.currentTarget.value;
    onChange(text === '' ? unset() : set(text));
  };

  return (
    <Stack gap={2}>
      <Select
        id={elementProps.id}
        onFocus={elementProps.onFocus}
        onBlur={elementProps.onBlur}
        value={selected}
        onChange={handleSelect}
        disabled={readOnly === true}
      >
        <option value="">Velg kategori</option>
        {AWARD_CATEGORIES.map((category) => (
          <option key={category.value} value={category.value}>
            {category.title}
          </option>
        ))}
        <option value={OTHER}>Annen pris…</option>
      </Select>
      {showText ? (
        <TextInput
          aria-label="Navnet på prisen eller kategorien"
          placeholder="F.eks. «Digitaliseringsprisen 2024»"
          value={isPresetCategory(value) ? '' : (value ?? '')}
          onChange={handleText}
          readOnly={readOnly === true}
        />
      ) : null}
    </Stack>
  );
}
