// Every differential scenario, in a stable order.
import behaviors from './behaviors.mjs'
import bulk from './bulk.mjs'
import content from './content.mjs'
import crud from './crud.mjs'
import database from './database.mjs'
import errors from './errors.mjs'
import hooks from './hooks.mjs'
import listing from './listing.mjs'
import types from './types.mjs'

export const allScenarios = [...crud, ...bulk, ...listing, ...types, ...behaviors, ...errors, ...database, ...hooks, ...content]
