/**
 * The French of the online editor. Decap's own French (`decap-cms-locales`) misses about
 * fifty strings, which then show in English (« Media », « Strikethrough », the notes), and
 * keeps a few awkward ones (« Oops », « ne correspond pas au schéma », the « ＋ » glyph of
 * a font many machines lack). This is the whole set, key for key with Decap's English
 * (a unit test checks that none is missing).
 *
 * Decap shows its first screen before it has read the configuration, in its default
 * language, English (« Loading configuration... »): the same strings are registered under
 * `en` too, so that the editor speaks French from its first frame.
 */

/** Decap's phrases, as nested objects of strings (`%{name}` marks a value put in). */
export interface Phrases {
  [key: string]: string | Phrases;
}

/**
 * What Decap gives each field's container as its accessible name (`aria-label`): the field's
 * own label says enough. The editor's checks (`problem-display.ts`) find the fields by it.
 */
export const FIELD_CONTAINER_LABEL = 'champ du formulaire';
/** A field's container in the editor's page, by that name. */
export const FIELD_CONTAINER = `[aria-label="${FIELD_CONTAINER_LABEL}"]`;

// Not annotated here: as a `Phrases`, keys such as `bold` would read as String's old methods.
const PHRASES = {
  auth: {
    login: 'Se connecter',
    loggingIn: 'Connexion…',
    loginWithNetlifyIdentity: 'Se connecter avec Netlify Identity',
    loginWithAzure: 'Se connecter avec Azure',
    loginWithBitbucket: 'Se connecter avec Bitbucket',
    loginWithGitHub: 'Se connecter avec GitHub',
    loginWithGitLab: 'Se connecter avec GitLab',
    loginWithGitea: 'Se connecter avec Gitea',
    loginWithForgejo: 'Se connecter avec Forgejo',
    errors: {
      email: 'Indiquez votre adresse e-mail.',
      password: 'Indiquez votre mot de passe.',
      identitySettings:
        'Impossible de lire les réglages de connexion. Avec git-gateway, activez le service Identity et Git Gateway.',
    },
  },
  app: {
    header: {
      content: 'Contenus',
      workflow: 'Propositions',
      media: 'Images et fichiers',
      quickAdd: 'Ajout rapide',
    },
    app: {
      errorHeader: 'L’éditeur n’a pas pu démarrer',
      configErrors: 'Erreurs de configuration',
      checkConfigYml: 'Signalez-le aux personnes qui maintiennent le guide.',
      loadingConfig: 'Chargement de l’éditeur…',
      waitingBackend: 'Connexion au dépôt…',
    },
    notFoundPage: {
      header: 'Page introuvable',
    },
  },
  collection: {
    sidebar: {
      collections: 'Rubriques',
      allCollections: 'Toutes les rubriques',
      searchAll: 'Tout rechercher',
      searchIn: 'Rechercher dans',
    },
    collectionTop: {
      sortBy: 'Trier par',
      viewAs: 'Affichage',
      viewAsList: 'Afficher en liste',
      viewAsGrid: 'Afficher en grille',
      newButton: 'Ajouter %{collectionLabel}',
      newButtonAriaLabel: 'Ajouter %{collectionLabel}',
      ascending: 'Croissant',
      descending: 'Décroissant',
      searchResults: 'Résultats pour « %{searchTerm} »',
      searchResultsInCollection: 'Résultats pour « %{searchTerm} » dans %{collection}',
      filterBy: 'Filtrer par',
      groupBy: 'Regrouper par',
    },
    entries: {
      loadingEntries: 'Chargement des entrées…',
      cachingEntries: 'Mise en mémoire des entrées…',
      longerLoading: 'Cela peut prendre quelques minutes.',
      noEntries: 'Aucune entrée pour l’instant.',
      unpublishedHeader: 'Propositions pas encore publiées',
    },
    groups: {
      other: 'Autres',
      negateLabel: 'Sans %{label}',
    },
    defaultFields: {
      author: {
        label: 'Autrice ou auteur',
      },
      updatedOn: {
        label: 'Mis à jour le',
      },
    },
  },
  editor: {
    editorControl: {
      field: {
        optional: 'facultatif',
        // Decap names the kind of input here (« string », « kpa-select »…), which means nothing
        // to the person listening to a screen reader: the label of the field says enough.
        widgetLabel: FIELD_CONTAINER_LABEL,
      },
    },
    editorControlPane: {
      widget: {
        required: 'Le champ %{fieldLabel} est requis.',
        regexPattern: 'Le champ %{fieldLabel} est à corriger : %{pattern}.',
        processing: 'Le champ %{fieldLabel} est en cours de traitement…',
        range: 'Le champ %{fieldLabel} doit être compris entre %{minValue} et %{maxValue}.',
        min: 'Le champ %{fieldLabel} doit valoir au moins %{minValue}.',
        max: 'Le champ %{fieldLabel} doit valoir au plus %{maxValue}.',
        rangeCount: 'Le champ %{fieldLabel} doit compter de %{minCount} à %{maxCount} éléments.',
        rangeCountExact: 'Le champ %{fieldLabel} doit compter exactement %{count} éléments.',
        rangeMin: 'Le champ %{fieldLabel} doit compter au moins %{minCount} élément(s).',
        rangeMax: 'Le champ %{fieldLabel} doit compter au plus %{maxCount} élément(s).',
        invalidPath: '« %{path} » n’est pas un chemin possible.',
        pathExists: 'Le chemin « %{path} » existe déjà.',
      },
      i18n: {
        writingInLocale: 'Écrire en %{locale}',
        copyFromLocale: 'Reprendre depuis une autre langue',
        copyFromLocaleConfirm: 'Reprendre le contenu en %{locale} ?\nTout le contenu actuel sera remplacé.',
      },
    },
    editor: {
      onLeavePage: 'Quitter cette page ? Les modifications non enregistrées seront perdues.',
      onUpdatingWithUnsavedChanges: 'Enregistrez vos modifications avant de changer le statut.',
      onPublishingNotReady: 'Passez le statut à « Prêt » avant de publier.',
      onPublishingWithUnsavedChanges: 'Enregistrez vos modifications avant de publier.',
      onPublishing: 'Publier cette entrée ?',
      onUnpublishing: 'Retirer cette entrée du site ?',
      onDeleteWithUnsavedChanges:
        'Supprimer cette entrée publiée, ainsi que les modifications que vous n’avez pas enregistrées ?',
      onDeletePublishedEntry: 'Supprimer cette entrée publiée ?',
      onDeleteUnpublishedChangesWithUnsavedChanges:
        'Cela supprime toutes les modifications non publiées de cette entrée, ainsi que celles que vous n’avez pas enregistrées. Supprimer quand même ?',
      onDeleteUnpublishedChanges:
        'Toutes les modifications non publiées de cette entrée seront supprimées. Supprimer quand même ?',
      loadingEntry: 'Chargement de l’entrée…',
      confirmLoadBackup:
        'Ce navigateur a gardé une version non enregistrée de cette entrée. La reprendre ? (Sinon, elle est effacée.)',
    },
    editorInterface: {
      toggleI18n: 'Langues',
      togglePreview: 'Aperçu',
      toggleScrollSync: 'Défilement synchronisé',
      toggleNotes: 'Notes',
    },
    editorNotesPane: {
      title: 'Notes',
      emptyState: 'Pas encore de note. Écrivez-en une ci-dessous pour échanger avec les autres personnes.',
      addNote: 'Ajouter la note',
      addPlaceholder: 'Écrire une note…',
      editPlaceholder: 'Modifier la note…',
      save: 'Enregistrer',
      cancel: 'Annuler',
      edit: 'Modifier',
      delete: 'Supprimer',
      resolve: 'Marquer comme réglée',
      unresolve: 'Rouvrir',
      confirmDelete: 'Supprimer cette note ?',
      shortcut: 'Astuce : Ctrl+Entrée ajoute la note.',
    },
    editorToolbar: {
      publishing: 'Publication…',
      publish: 'Publier',
      published: 'Publiée',
      unpublish: 'Retirer du site',
      duplicate: 'Dupliquer',
      unpublishing: 'Retrait…',
      publishAndCreateNew: 'Publier et en créer une autre',
      publishAndDuplicate: 'Publier et dupliquer',
      deleteUnpublishedChanges: 'Supprimer les modifications non publiées',
      deleteUnpublishedEntry: 'Supprimer l’entrée non publiée',
      deletePublishedEntry: 'Supprimer l’entrée publiée',
      deleteEntry: 'Supprimer l’entrée',
      saving: 'Enregistrement…',
      save: 'Enregistrer',
      statusInfoTooltipDraft:
        'Cette proposition est un brouillon. Pour la faire relire, passez son statut à « En cours de révision ».',
      statusInfoTooltipInReview:
        'Cette proposition est en relecture : rien d’autre à faire. Vous pouvez encore la modifier pendant ce temps.',
      deleting: 'Suppression…',
      updating: 'Mise à jour…',
      status: 'Statut : %{status}',
      backCollection: ' Rubrique : %{collectionLabel}',
      unsavedChanges: 'Modifications non enregistrées',
      changesSaved: 'Modifications enregistrées',
      draft: 'Brouillon',
      inReview: 'En cours de révision',
      ready: 'Prêt',
      publishNow: 'Publier maintenant',
      deployPreviewPendingButtonLabel: 'Chercher l’aperçu',
      deployPreviewButtonLabel: 'Voir l’aperçu',
      deployButtonLabel: 'Voir sur le site',
    },
    editorWidgets: {
      markdown: {
        bold: 'Gras',
        italic: 'Italique',
        strikethrough: 'Barré',
        code: 'Code',
        link: 'Lien',
        linkPrompt: 'Adresse du lien',
        headings: 'Intertitres',
        quote: 'Citation',
        bulletedList: 'Liste à puces',
        numberedList: 'Liste numérotée',
        addComponent: 'Ajouter un composant',
        richText: 'Texte enrichi',
        markdown: 'Markdown',
        toggleMode: {
          rich: 'Passer en texte enrichi',
          markdown: 'Passer en Markdown',
        },
      },
      image: {
        choose: 'Choisir une image',
        chooseMultiple: 'Choisir des images',
        chooseUrl: 'Insérer depuis une adresse web',
        replaceUrl: 'Remplacer par une adresse web',
        promptUrl: 'Adresse web de l’image',
        chooseDifferent: 'Choisir une autre image',
        addMore: 'Ajouter des images',
        remove: 'Retirer l’image',
        removeAll: 'Retirer toutes les images',
      },
      file: {
        choose: 'Choisir un fichier',
        chooseUrl: 'Insérer depuis une adresse web',
        chooseMultiple: 'Choisir des fichiers',
        replaceUrl: 'Remplacer par une adresse web',
        promptUrl: 'Adresse web du fichier',
        chooseDifferent: 'Choisir un autre fichier',
        addMore: 'Ajouter des fichiers',
        remove: 'Retirer le fichier',
        removeAll: 'Retirer tous les fichiers',
      },
      unknownControl: {
        noControl: 'Aucune saisie possible pour le type de champ « %{widget} ».',
      },
      unknownPreview: {
        noPreview: 'Pas d’aperçu pour le type de champ « %{widget} ».',
      },
      headingOptions: {
        headingOne: 'Titre 1',
        headingTwo: 'Titre 2',
        headingThree: 'Titre 3',
        headingFour: 'Titre 4',
        headingFive: 'Titre 5',
        headingSix: 'Titre 6',
      },
      datetime: {
        now: 'Maintenant',
        clear: 'Effacer',
        setToNow: '%{fieldLabel} : aujourd’hui',
      },
      list: {
        add: 'Ajouter %{item}',
        addType: 'Ajouter %{item}',
      },
      object: {
        expand: 'Déplier',
        collapse: 'Replier',
      },
    },
  },
  mediaLibrary: {
    mediaLibraryCard: {
      draft: 'Brouillon',
      copy: 'Copier',
      copyUrl: 'Copier l’adresse web',
      copyPath: 'Copier le chemin',
      copyName: 'Copier le nom',
      copied: 'Copié',
    },
    mediaLibrary: {
      onDelete: 'Supprimer le fichier sélectionné ?',
      fileTooLarge: 'Fichier trop lourd.\nLa limite est de %{size} Ko.',
    },
    mediaLibraryModal: {
      loading: 'Chargement…',
      close: 'Fermer',
      noResults: 'Aucun résultat.',
      noAssetsFound: 'Aucun fichier pour l’instant.',
      noImagesFound: 'Aucune image pour l’instant.',
      private: 'Privé ',
      images: 'Images',
      mediaAssets: 'Images et fichiers',
      search: 'Rechercher…',
      uploading: 'Envoi…',
      upload: 'Envoyer une image ou un fichier',
      download: 'Télécharger',
      deleting: 'Suppression…',
      deleteSelected: 'Supprimer la sélection',
      chooseSelected: 'Choisir la sélection',
    },
  },
  ui: {
    default: {
      goBackToSite: 'Retour au site',
    },
    errorBoundary: {
      title: 'Erreur',
      details: 'Une erreur est survenue. Vous pouvez ',
      reportIt: 'la signaler sur GitHub.',
      detailsHeading: 'Détails',
      privacyWarning:
        'Le signalement reprend le message d’erreur et des informations techniques.\nRelisez-les et retirez toute donnée personnelle avant de l’envoyer.',
      recoveredEntry: {
        heading: 'Texte récupéré',
        warning: 'Copiez ce texte ailleurs avant de quitter la page !',
        copyButtonLabel: 'Copier',
      },
    },
    settingsDropdown: {
      logOut: 'Se déconnecter',
      account: 'Menu du compte',
    },
    toast: {
      onFailToLoadEntries: 'Impossible de charger l’entrée : %{details}',
      onFailToLoadDeployPreview: 'Impossible de charger l’aperçu : %{details}',
      onFailToPersist: "Échec de l'enregistrement de l'entrée : %{details}",
      onFailToDelete: 'Échec de la suppression de l’entrée : %{details}',
      onFailToUpdateStatus: 'Échec de la mise à jour du statut : %{details}',
      missingRequiredField: 'Il manque un champ obligatoire : complétez-le avant d’enregistrer.',
      entrySaved: 'Entrée enregistrée',
      entryPublished: 'Entrée publiée',
      entryUnpublished: 'Entrée retirée du site',
      onFailToPublishEntry: 'Échec de la publication : %{details}',
      onFailToUnpublishEntry: 'Impossible de retirer l’entrée du site : %{details}',
      entryUpdated: 'Statut mis à jour',
      onDeleteUnpublishedChanges: 'Modifications non publiées supprimées',
      noteAdded: 'Note ajoutée',
      onFailToAddNote: 'Impossible d’ajouter la note : %{details}',
      noteUpdated: 'Note modifiée',
      onFailToUpdateNote: 'Impossible de modifier la note : %{details}',
      noteDeleted: 'Note supprimée',
      onFailToDeleteNote: 'Impossible de supprimer la note : %{details}',
      noteResolved: 'Note marquée comme réglée',
      noteReopened: 'Note rouverte',
      onFailToToggleNote: 'Impossible de changer l’état de la note : %{details}',
      onFailToAuth: '%{details}',
      onLoggedOut: 'Vous avez été déconnecté·e : copiez votre travail en cours, puis reconnectez-vous.',
      onBackendDown: 'Le service qui héberge le dépôt est en panne. Plus d’informations : %{details}',
    },
  },
  workflow: {
    workflow: {
      loading: 'Chargement des propositions…',
      workflowHeading: 'Propositions en cours',
      newPost: 'Nouvelle entrée',
      description:
        '%{smart_count} proposition en relecture, %{readyCount} prête(s) à publier. |||| %{smart_count} propositions en relecture, %{readyCount} prête(s) à publier.',
      dateFormat: 'D MMMM',
    },
    workflowCard: {
      lastChange: '%{date}, par %{author}',
      lastChangeNoAuthor: '%{date}',
      lastChangeNoDate: 'par %{author}',
      deleteChanges: 'Supprimer les modifications',
      deleteNewEntry: 'Supprimer la nouvelle entrée',
      publishChanges: 'Publier les modifications',
      publishNewEntry: 'Publier la nouvelle entrée',
    },
    workflowList: {
      onDeleteEntry: 'Supprimer cette entrée ?',
      onPublishingNotReadyEntry:
        'Seules les propositions au statut « Prêt » peuvent être publiées : faites glisser la carte dans la colonne « Prêt ».',
      onPublishEntry: 'Publier cette entrée ?',
      draftHeader: 'Brouillons',
      inReviewHeader: 'En cours de révision',
      readyHeader: 'Prêt',
      currentEntries: '%{smart_count} entrée |||| %{smart_count} entrées',
    },
  },
};

export const FRENCH: Phrases = PHRASES;

/**
 * Dialogs Decap writes in English whatever the language (`window.confirm` calls in its
 * code): each is matched whole, and asked in French instead.
 */
export const FRENCH_DIALOGS: readonly { english: RegExp; french: (match: RegExpExecArray) => string }[] = [
  {
    english: /^(.+) already exists\. Do you want to replace it\?$/s,
    french: (m) => `« ${m[1] ?? ''} » existe déjà. Le remplacer ?`,
  },
];

/** The French for a dialog's text; the text itself when it is not one of Decap's English ones. */
export function frenchDialog(text: string): string {
  for (const dialog of FRENCH_DIALOGS) {
    const match = dialog.english.exec(text);
    if (match) return dialog.french(match);
  }
  return text;
}

/** Asks Decap's English confirmations in French (see `FRENCH_DIALOGS`). */
export function translateDialogs(): void {
  const confirm = window.confirm.bind(window);
  window.confirm = (message?: string) => confirm(message === undefined ? message : frenchDialog(message));
}
